using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProjectSourceLeadOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_ZoneId_SourceLeadId",
                table: "prj_projects",
                columns: new[] { "ZoneId", "SourceLeadId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_prj_projects_ZoneId_SourceLeadId",
                table: "prj_projects");
        }
    }
}
