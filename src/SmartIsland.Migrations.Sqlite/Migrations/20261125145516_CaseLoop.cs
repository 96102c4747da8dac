using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FormFieldsJson",
                table: "case_types",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "Public",
                table: "case_types",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "AnonymisedAt",
                table: "case_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttributesJson",
                table: "case_cases",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<Guid>(
                name: "CategoryId",
                table: "case_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EnterpriseId",
                table: "case_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationLevel",
                table: "case_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "GridId",
                table: "case_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "HandlingWorkingHours",
                table: "case_cases",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HazardCategory",
                table: "case_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HazardLevel",
                table: "case_cases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HidePersonalData",
                table: "case_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "case_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "InspectionRoundId",
                table: "case_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastProgressAt",
                table: "case_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Measure",
                table: "case_cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoCaseId",
                table: "case_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ProgressOverdue",
                table: "case_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "RatedAt",
                table: "case_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rating",
                table: "case_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RatingComment",
                table: "case_cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rectification",
                table: "case_cases",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReminderSentAt",
                table: "case_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequesterName",
                table: "case_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ResolvedOnTime",
                table: "case_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponsiblePerson",
                table: "case_cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "case_cases",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Staff");

            migrationBuilder.AddColumn<long>(
                name: "SupervisedAt",
                table: "case_cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "UnitNeedsConfirmation",
                table: "case_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "UnsatisfiedCount",
                table: "case_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "case_categories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RouteToUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_categories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_categories_case_types_CaseTypeId",
                        column: x => x.CaseTypeId,
                        principalTable: "case_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_inspection_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_inspection_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecipientUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecipientRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_notifications_case_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "case_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_photos_case_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "case_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_cases_MergedIntoCaseId",
                table: "case_cases",
                column: "MergedIntoCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_cases_ZoneId_IdempotencyKey",
                table: "case_cases",
                columns: new[] { "ZoneId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_cases_ZoneId_InspectionRoundId",
                table: "case_cases",
                columns: new[] { "ZoneId", "InspectionRoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_case_cases_ZoneId_SubmittedAt",
                table: "case_cases",
                columns: new[] { "ZoneId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_case_categories_CaseTypeId",
                table: "case_categories",
                column: "CaseTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_case_categories_ZoneId",
                table: "case_categories",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_case_categories_ZoneId_CaseTypeId_Code",
                table: "case_categories",
                columns: new[] { "ZoneId", "CaseTypeId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_inspection_rounds_ZoneId",
                table: "case_inspection_rounds",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_case_inspection_rounds_ZoneId_At",
                table: "case_inspection_rounds",
                columns: new[] { "ZoneId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_case_notifications_CaseId_Kind_Level",
                table: "case_notifications",
                columns: new[] { "CaseId", "Kind", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_case_notifications_ZoneId",
                table: "case_notifications",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_case_notifications_ZoneId_RecipientUserId_ReadAt",
                table: "case_notifications",
                columns: new[] { "ZoneId", "RecipientUserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_case_photos_CaseId",
                table: "case_photos",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_photos_ZoneId",
                table: "case_photos",
                column: "ZoneId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_categories");

            migrationBuilder.DropTable(
                name: "case_inspection_rounds");

            migrationBuilder.DropTable(
                name: "case_notifications");

            migrationBuilder.DropTable(
                name: "case_photos");

            migrationBuilder.DropIndex(
                name: "IX_case_cases_MergedIntoCaseId",
                table: "case_cases");

            migrationBuilder.DropIndex(
                name: "IX_case_cases_ZoneId_IdempotencyKey",
                table: "case_cases");

            migrationBuilder.DropIndex(
                name: "IX_case_cases_ZoneId_InspectionRoundId",
                table: "case_cases");

            migrationBuilder.DropIndex(
                name: "IX_case_cases_ZoneId_SubmittedAt",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "FormFieldsJson",
                table: "case_types");

            migrationBuilder.DropColumn(
                name: "Public",
                table: "case_types");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "AttributesJson",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "CategoryId",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "EnterpriseId",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "EscalationLevel",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "GridId",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "HandlingWorkingHours",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "HazardCategory",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "HazardLevel",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "HidePersonalData",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "InspectionRoundId",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "LastProgressAt",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "Measure",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "MergedIntoCaseId",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "ProgressOverdue",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "RatedAt",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "Rating",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "RatingComment",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "Rectification",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "ReminderSentAt",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "RequesterName",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "ResolvedOnTime",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "ResponsiblePerson",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "SupervisedAt",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "UnitNeedsConfirmation",
                table: "case_cases");

            migrationBuilder.DropColumn(
                name: "UnsatisfiedCount",
                table: "case_cases");
        }
    }
}
