using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Policies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cul_policies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuingDepartment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", nullable: false),
                    AmountFormula = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Illustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_policy_entitlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ComputedAmount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    ConfirmedAmount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    PaidAmount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VoucherNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PaidReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ConfirmNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Missing = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_policy_entitlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cul_policy_entitlements_cul_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "cul_policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cul_policies_ZoneId",
                table: "cul_policies",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_policies_ZoneId_Slug",
                table: "cul_policies",
                columns: new[] { "ZoneId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cul_policies_ZoneId_Status_Year",
                table: "cul_policies",
                columns: new[] { "ZoneId", "Status", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_cul_policy_entitlements_PolicyId",
                table: "cul_policy_entitlements",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_policy_entitlements_ZoneId",
                table: "cul_policy_entitlements",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_cul_policy_entitlements_ZoneId_EnterpriseId",
                table: "cul_policy_entitlements",
                columns: new[] { "ZoneId", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_cul_policy_entitlements_ZoneId_PolicyId_EnterpriseId",
                table: "cul_policy_entitlements",
                columns: new[] { "ZoneId", "PolicyId", "EnterpriseId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cul_policy_entitlements");

            migrationBuilder.DropTable(
                name: "cul_policies");
        }
    }
}
