using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ChiefServiceOfficers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cul_officer_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_officer_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_officer_goals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TargetYear = table.Column<int>(type: "integer", nullable: false),
                    TargetCount = table.Column<int>(type: "integer", nullable: true),
                    Owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DeclaredStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeclaredProgress = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_officer_goals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_officer_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    PreviousOfficerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_officer_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_visit_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_visit_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cul_visit_photos_cul_visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "cul_visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cul_visit_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    TrackingCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_visit_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cul_visit_requests_cul_visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "cul_visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cul_officer_assignments_ZoneId",
                table: "cul_officer_assignments",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_officer_assignments_ZoneId_EnterpriseId",
                table: "cul_officer_assignments",
                columns: new[] { "ZoneId", "EnterpriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cul_officer_assignments_ZoneId_OfficerUserId",
                table: "cul_officer_assignments",
                columns: new[] { "ZoneId", "OfficerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_cul_officer_goals_ZoneId",
                table: "cul_officer_goals",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_officer_goals_ZoneId_EnterpriseId_Kind",
                table: "cul_officer_goals",
                columns: new[] { "ZoneId", "EnterpriseId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cul_officer_history_ZoneId",
                table: "cul_officer_history",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_officer_history_ZoneId_EnterpriseId_At",
                table: "cul_officer_history",
                columns: new[] { "ZoneId", "EnterpriseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cul_visit_photos_VisitId",
                table: "cul_visit_photos",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_visit_photos_ZoneId",
                table: "cul_visit_photos",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_visit_photos_ZoneId_VisitId",
                table: "cul_visit_photos",
                columns: new[] { "ZoneId", "VisitId" });

            migrationBuilder.CreateIndex(
                name: "IX_cul_visit_requests_VisitId",
                table: "cul_visit_requests",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_visit_requests_ZoneId",
                table: "cul_visit_requests",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_visit_requests_ZoneId_VisitId",
                table: "cul_visit_requests",
                columns: new[] { "ZoneId", "VisitId" });

            migrationBuilder.CreateIndex(
                name: "IX_cul_visits_ZoneId",
                table: "cul_visits",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_visits_ZoneId_EnterpriseId_VisitedOn",
                table: "cul_visits",
                columns: new[] { "ZoneId", "EnterpriseId", "VisitedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cul_officer_assignments");

            migrationBuilder.DropTable(
                name: "cul_officer_goals");

            migrationBuilder.DropTable(
                name: "cul_officer_history");

            migrationBuilder.DropTable(
                name: "cul_visit_photos");

            migrationBuilder.DropTable(
                name: "cul_visit_requests");

            migrationBuilder.DropTable(
                name: "cul_visits");
        }
    }
}
