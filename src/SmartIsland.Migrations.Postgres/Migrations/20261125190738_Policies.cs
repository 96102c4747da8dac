using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    IssuingDepartment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Document = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Conditions = table.Column<string>(type: "text", nullable: false),
                    AmountFormula = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Illustrative = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastRunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cul_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cul_policy_entitlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    PolicyId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ComputedAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ConfirmedAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    PaidAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VoucherNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PaidReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RejectReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConfirmNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Missing = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Explanation = table.Column<string>(type: "text", nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
