using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeGO.Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Dashboard_Indexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MembershipInquiries_OrganizationId",
                table: "MembershipInquiries");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_StartsAtUtc_Status_OrganizationId",
                table: "Visits",
                columns: new[] { "StartsAtUtc", "Status", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipInquiries_OrganizationId_SubmittedAtUtc",
                table: "MembershipInquiries",
                columns: new[] { "OrganizationId", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipInquiries_SubmittedAtUtc_Stage",
                table: "MembershipInquiries",
                columns: new[] { "SubmittedAtUtc", "Stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_StartsAtUtc_Status_OrganizationId",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_MembershipInquiries_OrganizationId_SubmittedAtUtc",
                table: "MembershipInquiries");

            migrationBuilder.DropIndex(
                name: "IX_MembershipInquiries_SubmittedAtUtc_Stage",
                table: "MembershipInquiries");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipInquiries_OrganizationId",
                table: "MembershipInquiries",
                column: "OrganizationId");
        }
    }
}
