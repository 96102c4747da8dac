using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LicenceIssuedOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_lic_licences_ZoneId_TypeCode_IssuedFor",
                table: "lic_licences",
                columns: new[] { "ZoneId", "TypeCode", "IssuedFor" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_lic_licences_ZoneId_TypeCode_IssuedFor",
                table: "lic_licences");
        }
    }
}
