using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProjectsSupervisionAndInvestment : Migration
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
                name: "prj_carriers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Liaison = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_carriers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_drivers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarrierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LicenceClass = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_drivers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_problems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrackingCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "prj_review_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_review_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_review_sheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Progress = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Investment = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Quality = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Safety = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_review_sheets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Investment = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_transport_demands",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarrierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Cargo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VehiclesNeeded = table.Column<int>(type: "INTEGER", nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PeakTag = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_transport_demands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_vehicles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarrierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Emission = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RatedLoad = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    PassNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PassFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PassUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_vehicles", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "prj_review_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_review_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_review_entries_prj_review_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "prj_review_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lic_licences_ZoneId_TypeCode_IssuedFor",
                table: "lic_licences",
                columns: new[] { "ZoneId", "TypeCode", "IssuedFor" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_prj_carriers_ZoneId",
                table: "prj_carriers",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_carriers_ZoneId_EnterpriseId",
                table: "prj_carriers",
                columns: new[] { "ZoneId", "EnterpriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_drivers_CarrierId",
                table: "prj_drivers",
                column: "CarrierId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_drivers_ZoneId",
                table: "prj_drivers",
                column: "ZoneId");

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

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_entries_RoundId_ProjectId",
                table: "prj_review_entries",
                columns: new[] { "RoundId", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_entries_ZoneId",
                table: "prj_review_entries",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_rounds_ZoneId",
                table: "prj_review_rounds",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_rounds_ZoneId_Year_Month",
                table: "prj_review_rounds",
                columns: new[] { "ZoneId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_sheets_RoundId_ProjectId_ReviewerUserId",
                table: "prj_review_sheets",
                columns: new[] { "RoundId", "ProjectId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_sheets_ZoneId",
                table: "prj_review_sheets",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_targets_ZoneId",
                table: "prj_targets",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_targets_ZoneId_Year",
                table: "prj_targets",
                columns: new[] { "ZoneId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_transport_demands_ZoneId",
                table: "prj_transport_demands",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_transport_demands_ZoneId_From_To",
                table: "prj_transport_demands",
                columns: new[] { "ZoneId", "From", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_prj_vehicles_CarrierId",
                table: "prj_vehicles",
                column: "CarrierId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_vehicles_ZoneId",
                table: "prj_vehicles",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_vehicles_ZoneId_Plate",
                table: "prj_vehicles",
                columns: new[] { "ZoneId", "Plate" },
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
                name: "prj_carriers");

            migrationBuilder.DropTable(
                name: "prj_drivers");

            migrationBuilder.DropTable(
                name: "prj_problems");

            migrationBuilder.DropTable(
                name: "prj_reminders");

            migrationBuilder.DropTable(
                name: "prj_review_entries");

            migrationBuilder.DropTable(
                name: "prj_review_sheets");

            migrationBuilder.DropTable(
                name: "prj_targets");

            migrationBuilder.DropTable(
                name: "prj_transport_demands");

            migrationBuilder.DropTable(
                name: "prj_vehicles");

            migrationBuilder.DropTable(
                name: "inv_leads");

            migrationBuilder.DropTable(
                name: "prj_review_rounds");

            migrationBuilder.DropIndex(
                name: "IX_lic_licences_ZoneId_TypeCode_IssuedFor",
                table: "lic_licences");
        }
    }
}
