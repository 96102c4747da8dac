using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusNote",
                table: "prj_transport_demands",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeactivatedOn",
                table: "prj_drivers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "prj_drivers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeactivatedOn",
                table: "prj_carriers",
                type: "TEXT",
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
