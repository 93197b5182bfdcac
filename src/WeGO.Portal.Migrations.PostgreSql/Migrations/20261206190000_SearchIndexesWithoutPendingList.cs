using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeGO.Portal.Migrations.PostgreSql.Migrations
{
    /// <summary>The trigram indexes of the folded search text write each row into the index itself
    /// (<c>fastupdate = off</c>) instead of a pending list that every search reads whole until a vacuum merges
    /// it: after a load, up to 4 MB an index made each scan of the visits search slow and its plans parallel
    /// (a rare word, 17 of 100,000 visits: 172 to 13 ms at p50, bench search-postgresql).</summary>
    public partial class SearchIndexesWithoutPendingList : Migration
    {
        private static readonly string[] Tables = ["Visits", "Delegation", "Organizations", "MembershipInquiries"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                // The idempotent script wraps each statement in a DO block, where a SELECT's result has nowhere to
                // go: the rows already pending are merged with PERFORM in a block of their own.
                migrationBuilder.Sql($"""ALTER INDEX "IX_{table}_SearchText" SET (fastupdate = off);""");
                migrationBuilder.Sql(
                    $"""
                    DO $clean$ BEGIN PERFORM gin_clean_pending_list('"IX_{table}_SearchText"'::regclass); END $clean$;
                    """
                );
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""ALTER INDEX "IX_{table}_SearchText" RESET (fastupdate);""");
            }
        }
    }
}
