using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Logistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prj_carriers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ParkId = table.Column<Guid>(type: "uuid", nullable: true),
                    Liaison = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_carriers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_drivers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    CarrierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LicenceClass = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_drivers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_transport_demands",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    CarrierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Cargo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    VehiclesNeeded = table.Column<int>(type: "integer", nullable: false),
                    Route = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PeakTag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_transport_demands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_vehicles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    CarrierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Plate = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Emission = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RatedLoad = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    PassNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PassFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PassUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_vehicles", x => x.Id);
                });

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
                name: "prj_carriers");

            migrationBuilder.DropTable(
                name: "prj_drivers");

            migrationBuilder.DropTable(
                name: "prj_transport_demands");

            migrationBuilder.DropTable(
                name: "prj_vehicles");
        }
    }
}
