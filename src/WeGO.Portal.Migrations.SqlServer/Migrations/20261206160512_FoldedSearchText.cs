using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeGO.Portal.Migrations.SqlServer.Migrations
{
    /// <summary>PostgreSQL's folded search text (docs/decisions/0041); no change on this provider.</summary>
    public partial class FoldedSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing on this provider: the migration exists on every provider so that they keep the same list
            // (docs/decisions/0041); it changes PostgreSQL's text search only.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing on this provider.
        }
    }
}
