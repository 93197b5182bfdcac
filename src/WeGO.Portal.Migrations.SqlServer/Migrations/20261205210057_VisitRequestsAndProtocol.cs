using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeGO.Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class VisitRequestsAndProtocol : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DayContacts",
                table: "Visits",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VenueAddress",
                table: "Visits",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentContent",
                table: "OutboxMessages",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentName",
                table: "OutboxMessages",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentType",
                table: "OutboxMessages",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArrivedAtUtc",
                table: "DelegationMember",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Honorific",
                table: "DelegationMember",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InterpretationNeeds",
                table: "DelegationMember",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Precedence",
                table: "DelegationMember",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Rosters entered before the order of precedence existed keep the order they were entered in.
            // In EXEC so that the idempotent script's batch compiles before the column exists.
            migrationBuilder.Sql("EXEC(N'UPDATE [DelegationMember] SET [Precedence] = [Id];');");

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Delegation",
                type: "nvarchar(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactLanguage",
                table: "Delegation",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "Delegation",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkTokenHash",
                table: "Delegation",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NeedsErasedAtUtc",
                table: "Delegation",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProgrammeSent",
                table: "Delegation",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProgrammeSentAtUtc",
                table: "Delegation",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RosterDeadline",
                table: "Delegation",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "VisitRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Reference = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StatusTokenHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    OrganizationName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(2)", fixedLength: true, maxLength: 2, nullable: false),
                    OrganizationId = table.Column<int>(type: "int", nullable: true),
                    ContactName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContactPosition = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    EarliestDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LatestDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Flexibility = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DelegationSize = table.Column<int>(type: "int", nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Topics = table.Column<int>(type: "int", maxLength: 40, nullable: false),
                    OtherTopics = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Languages = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    InterpretationNeeded = table.Column<bool>(type: "bit", nullable: false),
                    ConsentGiven = table.Column<bool>(type: "bit", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    StatusChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ProposedEarliestDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ProposedLatestDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ProposalMessage = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CityAnswer = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DeclineReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    VisitId = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitRequests_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_VisitRequests_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Delegation_LinkTokenHash",
                table: "Delegation",
                column: "LinkTokenHash",
                unique: true,
                filter: "[LinkTokenHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VisitRequests_OrganizationId",
                table: "VisitRequests",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitRequests_Reference",
                table: "VisitRequests",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitRequests_Status_SubmittedAtUtc",
                table: "VisitRequests",
                columns: new[] { "Status", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitRequests_StatusTokenHash",
                table: "VisitRequests",
                column: "StatusTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitRequests_VisitId",
                table: "VisitRequests",
                column: "VisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitRequests");

            migrationBuilder.DropIndex(
                name: "IX_Delegation_LinkTokenHash",
                table: "Delegation");

            migrationBuilder.DropColumn(
                name: "DayContacts",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "VenueAddress",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "AttachmentContent",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentName",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentType",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ArrivedAtUtc",
                table: "DelegationMember");

            migrationBuilder.DropColumn(
                name: "Honorific",
                table: "DelegationMember");

            migrationBuilder.DropColumn(
                name: "InterpretationNeeds",
                table: "DelegationMember");

            migrationBuilder.DropColumn(
                name: "Precedence",
                table: "DelegationMember");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Delegation");

            migrationBuilder.DropColumn(
                name: "ContactLanguage",
                table: "Delegation");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "Delegation");

            migrationBuilder.DropColumn(
                name: "LinkTokenHash",
                table: "Delegation");

            migrationBuilder.DropColumn(
                name: "NeedsErasedAtUtc",
                table: "Delegation");

            migrationBuilder.DropColumn(
                name: "ProgrammeSent",
                table: "Delegation");

            migrationBuilder.DropColumn(
                name: "ProgrammeSentAtUtc",
                table: "Delegation");

            migrationBuilder.DropColumn(
                name: "RosterDeadline",
                table: "Delegation");
        }
    }
}
