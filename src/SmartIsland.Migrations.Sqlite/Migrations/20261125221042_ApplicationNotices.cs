using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "svc_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_notices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_svc_notices_ZoneId",
                table: "svc_notices",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_notices_ZoneId_EnterpriseId_At",
                table: "svc_notices",
                columns: new[] { "ZoneId", "EnterpriseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_notices_ZoneId_RecipientUserId_At",
                table: "svc_notices",
                columns: new[] { "ZoneId", "RecipientUserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "svc_notices");
        }
    }
}
