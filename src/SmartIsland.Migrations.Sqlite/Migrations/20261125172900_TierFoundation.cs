using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TierFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "DomesticRdExpense",
                table: "ent_yearly_indicators",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EquityFinancing",
                table: "ent_yearly_indicators",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "HighTechProductRevenue",
                table: "ent_yearly_indicators",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "MainBusinessRevenue",
                table: "ent_yearly_indicators",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "NetProfit",
                table: "ent_yearly_indicators",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RdStaff",
                table: "ent_yearly_indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "ent_yearly_indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewedBy",
                table: "ent_yearly_indicators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "ent_yearly_indicators",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Draft");

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "ent_yearly_indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TechConversions",
                table: "ent_yearly_indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TotalAssets",
                table: "ent_yearly_indicators",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TotalCost",
                table: "ent_yearly_indicators",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TotalIncome",
                table: "ent_yearly_indicators",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TotalLiabilities",
                table: "ent_yearly_indicators",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ValueAdded",
                table: "ent_yearly_indicators",
                type: "REAL",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ent_facts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeclaredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ent_facts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ent_facts_ent_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "ent_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ent_facts_EnterpriseId_Key",
                table: "ent_facts",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ent_facts_ZoneId",
                table: "ent_facts",
                column: "ZoneId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ent_facts");

            migrationBuilder.DropColumn(
                name: "DomesticRdExpense",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "EquityFinancing",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "HighTechProductRevenue",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "MainBusinessRevenue",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "NetProfit",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "RdStaff",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "TechConversions",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "TotalAssets",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "TotalCost",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "TotalIncome",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "TotalLiabilities",
                table: "ent_yearly_indicators");

            migrationBuilder.DropColumn(
                name: "ValueAdded",
                table: "ent_yearly_indicators");
        }
    }
}
