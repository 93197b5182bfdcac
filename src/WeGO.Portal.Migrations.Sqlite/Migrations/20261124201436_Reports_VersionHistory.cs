using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeGO.Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reports_VersionHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Presentations",
                table: "VisitReports",
                newName: "DelegationPresentation");

            migrationBuilder.AddColumn<string>(
                name: "AuthorLanguage",
                table: "VisitReports",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "TopicsRaised",
                table: "VisitReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecretariatPresentation",
                table: "VisitReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "VisitReportVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Participants = table.Column<string>(type: "TEXT", nullable: true),
                    DelegationPresentation = table.Column<string>(type: "TEXT", nullable: true),
                    SecretariatPresentation = table.Column<string>(type: "TEXT", nullable: true),
                    TopicsRaised = table.Column<string>(type: "TEXT", nullable: true),
                    Outcomes = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentLinks = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VisitReportId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitReportVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitReportVersion_VisitReports_VisitReportId",
                        column: x => x.VisitReportId,
                        principalTable: "VisitReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VisitReportVersion_VisitReportId_Number",
                table: "VisitReportVersion",
                columns: new[] { "VisitReportId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitReportVersion");

            migrationBuilder.DropColumn(
                name: "AuthorLanguage",
                table: "VisitReports");

            migrationBuilder.DropColumn(
                name: "TopicsRaised",
                table: "VisitReports");

            migrationBuilder.DropColumn(
                name: "SecretariatPresentation",
                table: "VisitReports");

            migrationBuilder.RenameColumn(
                name: "DelegationPresentation",
                table: "VisitReports",
                newName: "Presentations");
        }
    }
}
