using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Investment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inv_idle_sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Area = table.Column<double>(type: "REAL", precision: 12, scale: 2, nullable: false),
                    ParkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Price = table.Column<double>(type: "REAL", precision: 12, scale: 2, nullable: false),
                    AvailableFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IndustryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inv_idle_sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inv_leads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InvestorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceEnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceEnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChainDirection = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SourceNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IndustryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    IntendedAmount = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    NeedKind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    NeedArea = table.Column<double>(type: "REAL", precision: 12, scale: 2, nullable: true),
                    ParkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DroppedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LandedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OwnerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NextAction = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NextActionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProjectCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ConvertingSince = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inv_leads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inv_park_industries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Divisions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inv_park_industries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inv_agency_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inv_agency_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inv_agency_tasks_inv_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "inv_leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inv_lead_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FromStage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ToStage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inv_lead_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inv_lead_events_inv_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "inv_leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inv_agency_tasks_LeadId",
                table: "inv_agency_tasks",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_inv_agency_tasks_ZoneId",
                table: "inv_agency_tasks",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_inv_agency_tasks_ZoneId_LeadId",
                table: "inv_agency_tasks",
                columns: new[] { "ZoneId", "LeadId" });

            migrationBuilder.CreateIndex(
                name: "IX_inv_agency_tasks_ZoneId_ProjectId",
                table: "inv_agency_tasks",
                columns: new[] { "ZoneId", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_inv_idle_sites_ZoneId",
                table: "inv_idle_sites",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_inv_idle_sites_ZoneId_Kind_Status",
                table: "inv_idle_sites",
                columns: new[] { "ZoneId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_inv_lead_events_LeadId_At",
                table: "inv_lead_events",
                columns: new[] { "LeadId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_inv_lead_events_ZoneId",
                table: "inv_lead_events",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_inv_leads_ZoneId",
                table: "inv_leads",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_inv_leads_ZoneId_Code",
                table: "inv_leads",
                columns: new[] { "ZoneId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inv_leads_ZoneId_OwnerUserId",
                table: "inv_leads",
                columns: new[] { "ZoneId", "OwnerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_inv_leads_ZoneId_SourceEnterpriseId",
                table: "inv_leads",
                columns: new[] { "ZoneId", "SourceEnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_inv_leads_ZoneId_Stage",
                table: "inv_leads",
                columns: new[] { "ZoneId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_inv_park_industries_ZoneId",
                table: "inv_park_industries",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_inv_park_industries_ZoneId_ParkId",
                table: "inv_park_industries",
                columns: new[] { "ZoneId", "ParkId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inv_agency_tasks");

            migrationBuilder.DropTable(
                name: "inv_idle_sites");

            migrationBuilder.DropTable(
                name: "inv_lead_events");

            migrationBuilder.DropTable(
                name: "inv_park_industries");

            migrationBuilder.DropTable(
                name: "inv_leads");
        }
    }
}
