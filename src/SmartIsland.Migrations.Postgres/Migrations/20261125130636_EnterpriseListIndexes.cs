using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EnterpriseListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ent_enterprises_ZoneId_IndustryCode_Name",
                table: "ent_enterprises",
                columns: new[] { "ZoneId", "IndustryCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ent_enterprises_ZoneId_ParkId_Name",
                table: "ent_enterprises",
                columns: new[] { "ZoneId", "ParkId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ent_enterprises_ZoneId_RegisteredOn_Name",
                table: "ent_enterprises",
                columns: new[] { "ZoneId", "RegisteredOn", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ent_enterprises_ZoneId_IndustryCode_Name",
                table: "ent_enterprises");

            migrationBuilder.DropIndex(
                name: "IX_ent_enterprises_ZoneId_ParkId_Name",
                table: "ent_enterprises");

            migrationBuilder.DropIndex(
                name: "IX_ent_enterprises_ZoneId_RegisteredOn_Name",
                table: "ent_enterprises");
        }
    }
}
