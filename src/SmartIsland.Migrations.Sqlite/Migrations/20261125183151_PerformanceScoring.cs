using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceScoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cul_perf_exclusions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_perf_exclusions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_perf_policies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Lever = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TextZh = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Illustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_perf_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sco_results",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Total = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    Bonus = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    Penalty = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Excluded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExcludedReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Indicators = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sco_results", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sco_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SchemeRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    RunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RunByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UnitCount = table.Column<int>(type: "INTEGER", nullable: false),
                    GradedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sco_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sco_schemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sco_schemes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cul_perf_exclusions_ZoneId",
                table: "cul_perf_exclusions",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_perf_exclusions_ZoneId_EnterpriseId",
                table: "cul_perf_exclusions",
                columns: new[] { "ZoneId", "EnterpriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cul_perf_policies_ZoneId",
                table: "cul_perf_policies",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_perf_policies_ZoneId_Grade_Lever",
                table: "cul_perf_policies",
                columns: new[] { "ZoneId", "Grade", "Lever" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sco_results_RunId_Rank",
                table: "sco_results",
                columns: new[] { "RunId", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_sco_results_ZoneId",
                table: "sco_results",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_sco_results_ZoneId_UnitId",
                table: "sco_results",
                columns: new[] { "ZoneId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_sco_runs_ZoneId",
                table: "sco_runs",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_sco_runs_ZoneId_SchemeKey_Period_RunAt",
                table: "sco_runs",
                columns: new[] { "ZoneId", "SchemeKey", "Period", "RunAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sco_schemes_ZoneId",
                table: "sco_schemes",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_sco_schemes_ZoneId_Key_Revision",
                table: "sco_schemes",
                columns: new[] { "ZoneId", "Key", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cul_perf_exclusions");

            migrationBuilder.DropTable(
                name: "cul_perf_policies");

            migrationBuilder.DropTable(
                name: "sco_results");

            migrationBuilder.DropTable(
                name: "sco_runs");

            migrationBuilder.DropTable(
                name: "sco_schemes");
        }
    }
}
