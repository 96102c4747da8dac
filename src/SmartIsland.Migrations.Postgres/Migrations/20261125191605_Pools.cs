using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    ParkId = table.Column<Guid>(type: "uuid", nullable: true),
                    Closeness = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    AddedByHand = table.Column<bool>(type: "boolean", nullable: false),
                    RemovedByHand = table.Column<bool>(type: "boolean", nullable: false),
                    HandReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResponsibleUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResponsibleName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PlanUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_pool_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_pool_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FromRank = table.Column<int>(type: "integer", nullable: true),
                    ToRank = table.Column<int>(type: "integer", nullable: true),
                    Closeness = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: true),
                    RunId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_pool_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_pool_plan_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sort = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Done = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_pool_plan_actions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_pool_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinCloseness = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_pool_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_tier_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TriggeredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Enterprises = table.Column<int>(type: "integer", nullable: false),
                    Evaluations = table.Column<int>(type: "integer", nullable: false),
                    Eligible = table.Column<int>(type: "integer", nullable: false),
                    NotEligible = table.Column<int>(type: "integer", nullable: false),
                    NeedsConfirmation = table.Column<int>(type: "integer", nullable: false),
                    Entered = table.Column<int>(type: "integer", nullable: false),
                    Left = table.Column<int>(type: "integer", nullable: false),
                    EvaluateMs = table.Column<long>(type: "bigint", nullable: false),
                    WriteMs = table.Column<long>(type: "bigint", nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_tier_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_tier_standings",
                columns: table => new
                {
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SetVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ScoreLow = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    ScoreHigh = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    Closeness = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    Gaps = table.Column<string>(type: "text", nullable: false),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false)
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
