using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeGO.Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_OrganizationId",
                table: "Visits");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_OrganizationId_StartsAtUtc",
                table: "Visits",
                columns: new[] { "OrganizationId", "StartsAtUtc" });

            // Text search (docs/decisions/0028): FTS5 trigram tables, filled from the rows there are and kept in
            // step by triggers. rowid is the searched row's Id. A visit's row holds its organisation's name, so a
            // rename rewrites the rows of that organisation's visits.
            migrationBuilder.Sql(TextSearchSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TextSearchSql.Drop);

            migrationBuilder.DropIndex(
                name: "IX_Visits_OrganizationId_StartsAtUtc",
                table: "Visits");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_OrganizationId",
                table: "Visits",
                column: "OrganizationId");
        }
    }
}
