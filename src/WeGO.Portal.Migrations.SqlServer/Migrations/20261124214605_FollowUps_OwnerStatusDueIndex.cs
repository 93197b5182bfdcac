using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeGO.Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class FollowUps_OwnerStatusDueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUps_OwnerUserId",
                table: "FollowUps");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OwnerUserId_Status_DueOn",
                table: "FollowUps",
                columns: new[] { "OwnerUserId", "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUps_OwnerUserId_Status_DueOn",
                table: "FollowUps");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OwnerUserId",
                table: "FollowUps",
                column: "OwnerUserId");
        }
    }
}
