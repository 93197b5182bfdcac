using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeGO.Portal.Migrations.Sqlite.Migrations
{
    /// <summary>PostgreSQL's trigram indexes without a pending list; no change on this provider.</summary>
    public partial class SearchIndexesWithoutPendingList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing on this provider: the migration exists on every provider so that they keep the same list.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing on this provider.
        }
    }
}
