using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Pools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cul_pool_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    ParkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Closeness = table.Column<double>(type: "REAL", precision: 6, scale: 4, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    AddedByHand = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemovedByHand = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResponsibleUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResponsibleName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PlanUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_pool_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_pool_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FromRank = table.Column<int>(type: "INTEGER", nullable: true),
                    ToRank = table.Column<int>(type: "INTEGER", nullable: true),
                    Closeness = table.Column<double>(type: "REAL", precision: 6, scale: 4, nullable: true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_pool_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_pool_plan_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sort = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_pool_plan_actions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_pool_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinCloseness = table.Column<double>(type: "REAL", precision: 6, scale: 4, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_pool_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_tier_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TriggeredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Enterprises = table.Column<int>(type: "INTEGER", nullable: false),
                    Evaluations = table.Column<int>(type: "INTEGER", nullable: false),
                    Eligible = table.Column<int>(type: "INTEGER", nullable: false),
                    NotEligible = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsConfirmation = table.Column<int>(type: "INTEGER", nullable: false),
                    Entered = table.Column<int>(type: "INTEGER", nullable: false),
                    Left = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluateMs = table.Column<long>(type: "INTEGER", nullable: false),
                    WriteMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_tier_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_tier_standings",
                columns: table => new
                {
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SetVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ScoreLow = table.Column<double>(type: "REAL", precision: 8, scale: 2, nullable: true),
                    ScoreHigh = table.Column<double>(type: "REAL", precision: 8, scale: 2, nullable: true),
                    Closeness = table.Column<double>(type: "REAL", precision: 6, scale: 4, nullable: false),
                    Gaps = table.Column<string>(type: "TEXT", nullable: false),
                    EvaluatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_tier_standings", x => new { x.ZoneId, x.EnterpriseId, x.Code });
                });

            migrationBuilder.CreateIndex(
                name: "IX_cul_pool_entries_ZoneId",
                table: "cul_pool_entries",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_pool_entries_ZoneId_Code_EnterpriseId",
                table: "cul_pool_entries",
                columns: new[] { "ZoneId", "Code", "EnterpriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cul_pool_entries_ZoneId_Code_Rank",
                table: "cul_pool_entries",
                columns: new[] { "ZoneId", "Code", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_cul_pool_entries_ZoneId_EnterpriseId",
                table: "cul_pool_entries",
                columns: new[] { "ZoneId", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_cul_pool_history_ZoneId",
                table: "cul_pool_history",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_pool_history_ZoneId_Code_EnterpriseId_At",
                table: "cul_pool_history",
                columns: new[] { "ZoneId", "Code", "EnterpriseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cul_pool_plan_actions_ZoneId",
                table: "cul_pool_plan_actions",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_pool_plan_actions_ZoneId_EntryId",
                table: "cul_pool_plan_actions",
                columns: new[] { "ZoneId", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_cul_pool_settings_ZoneId",
                table: "cul_pool_settings",
                column: "ZoneId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cul_tier_runs_ZoneId",
                table: "cul_tier_runs",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_tier_runs_ZoneId_StartedAt",
                table: "cul_tier_runs",
                columns: new[] { "ZoneId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cul_tier_standings_ZoneId",
                table: "cul_tier_standings",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_tier_standings_ZoneId_Code_Closeness",
                table: "cul_tier_standings",
                columns: new[] { "ZoneId", "Code", "Closeness" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cul_pool_entries");

            migrationBuilder.DropTable(
                name: "cul_pool_history");

            migrationBuilder.DropTable(
                name: "cul_pool_plan_actions");

            migrationBuilder.DropTable(
                name: "cul_pool_settings");

            migrationBuilder.DropTable(
                name: "cul_tier_runs");

            migrationBuilder.DropTable(
                name: "cul_tier_standings");
        }
    }
}
