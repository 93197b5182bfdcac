using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeGO.Portal.Migrations.PostgreSql.Migrations
{
    /// <summary>Text search on PostgreSQL reads the searched text folded once, when the row is written: a stored
    /// generated column per searched table with its trigram index, instead of folding every candidate row at each
    /// search (docs/decisions/0041).</summary>
    public partial class FoldedSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in FoldedSearchTextSql.Create)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in FoldedSearchTextSql.Drop)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
