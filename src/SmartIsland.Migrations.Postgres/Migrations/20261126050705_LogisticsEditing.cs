using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LogisticsEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DeactivatedOn",
                table: "prj_vehicles",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusNote",
                table: "prj_transport_demands",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeactivatedOn",
                table: "prj_drivers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "prj_drivers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeactivatedOn",
                table: "prj_carriers",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeactivatedOn",
                table: "prj_vehicles");

            migrationBuilder.DropColumn(
                name: "StatusNote",
                table: "prj_transport_demands");

            migrationBuilder.DropColumn(
                name: "DeactivatedOn",
                table: "prj_drivers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "prj_drivers");

            migrationBuilder.DropColumn(
                name: "DeactivatedOn",
                table: "prj_carriers");
        }
    }
}
