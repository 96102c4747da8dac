using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_types",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PolicyJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_types", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrackingCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    RequesterUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequesterPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    AssignedUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResponseDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolutionDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstResponseAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_cases_case_types_CaseTypeId",
                        column: x => x.CaseTypeId,
                        principalTable: "case_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromState = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ToState = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_events_case_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "case_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_pauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_pauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_pauses_case_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "case_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_cases_CaseTypeId",
                table: "case_cases",
                column: "CaseTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_case_cases_TrackingCode",
                table: "case_cases",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_cases_ZoneId",
                table: "case_cases",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_case_cases_ZoneId_AssignedUnitId_State",
                table: "case_cases",
                columns: new[] { "ZoneId", "AssignedUnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_case_cases_ZoneId_State_ResolutionDueAt",
                table: "case_cases",
                columns: new[] { "ZoneId", "State", "ResolutionDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_case_events_CaseId_At",
                table: "case_events",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_case_events_ZoneId",
                table: "case_events",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_case_pauses_CaseId",
                table: "case_pauses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_pauses_ZoneId",
                table: "case_pauses",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_case_types_ZoneId",
                table: "case_types",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_case_types_ZoneId_Code",
                table: "case_types",
                columns: new[] { "ZoneId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "case_pauses");

            migrationBuilder.DropTable(
                name: "case_cases");

            migrationBuilder.DropTable(
                name: "case_types");
        }
    }
}
