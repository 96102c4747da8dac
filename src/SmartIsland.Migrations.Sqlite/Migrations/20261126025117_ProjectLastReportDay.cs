using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProjectLastReportDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastReportDay",
                table: "prj_projects",
                type: "TEXT",
                nullable: true);

            // Existing reports fill the column once; from now on the report service keeps it.
            migrationBuilder.Sql("UPDATE prj_projects SET \"LastReportDay\" = (SELECT MAX(r.\"Day\") FROM prj_daily_reports r WHERE r.\"ProjectId\" = prj_projects.\"Id\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastReportDay",
                table: "prj_projects");
        }
    }
}
