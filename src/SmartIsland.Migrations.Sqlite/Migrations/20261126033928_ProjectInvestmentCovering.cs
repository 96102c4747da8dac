using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProjectInvestmentCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_prj_monthly_investments_ZoneId_Year_ProjectId_Month_Amount",
                table: "prj_monthly_investments",
                columns: new[] { "ZoneId", "Year", "ProjectId", "Month", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_prj_monthly_investments_ZoneId_Year_ProjectId_Month_Amount",
                table: "prj_monthly_investments");
        }
    }
}
