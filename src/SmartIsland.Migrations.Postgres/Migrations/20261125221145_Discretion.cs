using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Discretion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "svc_violations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ItemName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RuleCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Plate = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PlateKey = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Minor = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OfficerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    OfficerName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Cycle = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    OrdinalInCycle = table.Column<int>(type: "integer", nullable: false),
                    PlatformDecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PlatformFine = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    PlatformReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FinalDecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FinalFine = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Overridden = table.Column<bool>(type: "boolean", nullable: false),
                    OverriddenByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    OverriddenByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OverriddenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExemptionKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_violations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_violations_svc_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "svc_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_svc_violations_ItemId",
                table: "svc_violations",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_violations_Number",
                table: "svc_violations",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_violations_ZoneId",
                table: "svc_violations",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_violations_ZoneId_ExemptionKey",
                table: "svc_violations",
                columns: new[] { "ZoneId", "ExemptionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_violations_ZoneId_RecordedAt",
                table: "svc_violations",
                columns: new[] { "ZoneId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_violations_ZoneId_RuleCode_PlateKey_Cycle",
                table: "svc_violations",
                columns: new[] { "ZoneId", "RuleCode", "PlateKey", "Cycle" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "svc_violations");
        }
    }
}
