using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProjectsFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prj_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerEnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TotalInvestment = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InProductionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResponsibleLeader = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResponsibleLeaderUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceLeadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_daily_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PhotoCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_daily_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_daily_reports_prj_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "prj_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prj_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_members_prj_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "prj_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prj_milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActualOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_milestones_prj_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "prj_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prj_monthly_investments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_monthly_investments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_monthly_investments_prj_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "prj_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prj_year_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedInvestment = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_year_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_year_plans_prj_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "prj_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prj_report_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Thumbnail = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_report_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_report_photos_prj_daily_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "prj_daily_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prj_daily_reports_ProjectId_Day",
                table: "prj_daily_reports",
                columns: new[] { "ProjectId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_prj_daily_reports_ZoneId",
                table: "prj_daily_reports",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_daily_reports_ZoneId_Day_ProjectId",
                table: "prj_daily_reports",
                columns: new[] { "ZoneId", "Day", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_prj_members_ProjectId_UserId",
                table: "prj_members",
                columns: new[] { "ProjectId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_members_ZoneId",
                table: "prj_members",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_members_ZoneId_UserId",
                table: "prj_members",
                columns: new[] { "ZoneId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_prj_milestones_ProjectId",
                table: "prj_milestones",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_milestones_ZoneId",
                table: "prj_milestones",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_milestones_ZoneId_PlannedOn",
                table: "prj_milestones",
                columns: new[] { "ZoneId", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_prj_monthly_investments_ProjectId_Year_Month",
                table: "prj_monthly_investments",
                columns: new[] { "ProjectId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_monthly_investments_ZoneId",
                table: "prj_monthly_investments",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_ZoneId",
                table: "prj_projects",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_ZoneId_Code",
                table: "prj_projects",
                columns: new[] { "ZoneId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_ZoneId_ParkId",
                table: "prj_projects",
                columns: new[] { "ZoneId", "ParkId" });

            migrationBuilder.CreateIndex(
                name: "IX_prj_projects_ZoneId_Phase",
                table: "prj_projects",
                columns: new[] { "ZoneId", "Phase" });

            migrationBuilder.CreateIndex(
                name: "IX_prj_report_photos_ReportId",
                table: "prj_report_photos",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_report_photos_ZoneId",
                table: "prj_report_photos",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_year_plans_ProjectId_Year",
                table: "prj_year_plans",
                columns: new[] { "ProjectId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_year_plans_ZoneId",
                table: "prj_year_plans",
                column: "ZoneId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prj_members");

            migrationBuilder.DropTable(
                name: "prj_milestones");

            migrationBuilder.DropTable(
                name: "prj_monthly_investments");

            migrationBuilder.DropTable(
                name: "prj_report_photos");

            migrationBuilder.DropTable(
                name: "prj_year_plans");

            migrationBuilder.DropTable(
                name: "prj_daily_reports");

            migrationBuilder.DropTable(
                name: "prj_projects");
        }
    }
}
