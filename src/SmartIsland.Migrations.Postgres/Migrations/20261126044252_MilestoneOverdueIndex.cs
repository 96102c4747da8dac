using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MilestoneOverdueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_prj_milestones_ZoneId_PlannedOn",
                table: "prj_milestones");

            migrationBuilder.CreateIndex(
                name: "IX_prj_milestones_ZoneId_PlannedOn_ActualOn",
                table: "prj_milestones",
                columns: new[] { "ZoneId", "PlannedOn", "ActualOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_prj_milestones_ZoneId_PlannedOn_ActualOn",
                table: "prj_milestones");

            migrationBuilder.CreateIndex(
                name: "IX_prj_milestones_ZoneId_PlannedOn",
                table: "prj_milestones",
                columns: new[] { "ZoneId", "PlannedOn" });
        }
    }
}
