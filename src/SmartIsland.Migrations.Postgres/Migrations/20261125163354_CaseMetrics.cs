using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_metrics_rollup",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Grain = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<int>(type: "integer", nullable: false),
                    Resolved = table.Column<int>(type: "integer", nullable: false),
                    ResolvedOnTime = table.Column<int>(type: "integer", nullable: false),
                    Rated = table.Column<int>(type: "integer", nullable: false),
                    Satisfied = table.Column<int>(type: "integer", nullable: false),
                    RatingSum = table.Column<int>(type: "integer", nullable: false),
                    Handling = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_metrics_rollup", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_metrics_watermarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditSequence = table.Column<long>(type: "bigint", nullable: false),
                    RefreshedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_metrics_watermarks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_pauses_zone_case",
                table: "case_pauses",
                columns: new[] { "ZoneId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_case_cases_overdue_by_unit",
                table: "case_cases",
                columns: new[] { "ZoneId", "State", "ResolutionDueAt", "AssignedUnitId", "MergedIntoCaseId", "Id", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_case_metrics_rollup_ZoneId",
                table: "case_metrics_rollup",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_case_metrics_rollup_ZoneId_Grain_Day_UnitId",
                table: "case_metrics_rollup",
                columns: new[] { "ZoneId", "Grain", "Day", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_metrics_watermarks_ZoneId",
                table: "case_metrics_watermarks",
                column: "ZoneId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_metrics_rollup");

            migrationBuilder.DropTable(
                name: "case_metrics_watermarks");

            migrationBuilder.DropIndex(
                name: "IX_case_pauses_zone_case",
                table: "case_pauses");

            migrationBuilder.DropIndex(
                name: "IX_case_cases_overdue_by_unit",
                table: "case_cases");
        }
    }
}
