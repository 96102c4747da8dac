using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ParkReviewSheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prj_review_park_sheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Planning = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Support = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Environment = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Organisation = table.Column<double>(type: "REAL", precision: 6, scale: 2, nullable: false),
                    Remark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prj_review_park_sheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prj_review_park_sheets_prj_review_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "prj_review_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_park_sheets_RoundId_ParkId_ReviewerUserId",
                table: "prj_review_park_sheets",
                columns: new[] { "RoundId", "ParkId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_prj_review_park_sheets_ZoneId",
                table: "prj_review_park_sheets",
                column: "ZoneId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prj_review_park_sheets");
        }
    }
}
