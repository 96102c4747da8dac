using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SiteReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prj_review_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_review_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_review_sheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Progress = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Investment = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Quality = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Safety = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_review_sheets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prj_review_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_review_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_review_entries_prj_review_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "prj_review_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_entries_RoundId_ProjectId",
                table: "prj_review_entries",
                columns: new[] { "RoundId", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_entries_ZoneId",
                table: "prj_review_entries",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_rounds_ZoneId",
                table: "prj_review_rounds",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_rounds_ZoneId_Year_Month",
                table: "prj_review_rounds",
                columns: new[] { "ZoneId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_sheets_RoundId_ProjectId_ReviewerUserId",
                table: "prj_review_sheets",
                columns: new[] { "RoundId", "ProjectId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_sheets_ZoneId",
                table: "prj_review_sheets",
                column: "ZoneId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prj_review_entries");

            migrationBuilder.DropTable(
                name: "prj_review_sheets");

            migrationBuilder.DropTable(
                name: "prj_review_rounds");
        }
    }
}
