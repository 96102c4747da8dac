using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProjectReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prj_problems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrackingCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_problems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_problems_prj_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "prj_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prj_reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_reminders_prj_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "prj_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prj_problems_CaseId",
                table: "prj_problems",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_problems_ProjectId",
                table: "prj_problems",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_problems_ZoneId",
                table: "prj_problems",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_reminders_ProjectId_Day_UserId",
                table: "prj_reminders",
                columns: new[] { "ProjectId", "Day", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_reminders_ZoneId",
                table: "prj_reminders",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_reminders_ZoneId_UserId_Day",
                table: "prj_reminders",
                columns: new[] { "ZoneId", "UserId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prj_problems");

            migrationBuilder.DropTable(
                name: "prj_reminders");
        }
    }
}
