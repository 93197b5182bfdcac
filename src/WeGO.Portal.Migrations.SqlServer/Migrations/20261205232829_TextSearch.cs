using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeGO.Portal.Migrations.SqlServer.Migrations
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

            // Text search (docs/decisions/0028): full-text indexes, which cannot be created in a transaction. Each
            // statement checks first, so the idempotent script can run twice.
            foreach (var statement in TextSearchSql.Create)
            {
                migrationBuilder.Sql(statement, suppressTransaction: true);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in TextSearchSql.Drop)
            {
                migrationBuilder.Sql(statement, suppressTransaction: true);
            }

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
