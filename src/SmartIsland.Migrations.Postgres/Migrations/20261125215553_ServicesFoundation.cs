using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ServicesFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "svc_bundle_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BundleId = table.Column<Guid>(type: "uuid", nullable: false),
                    BundleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_bundle_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "svc_bundles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_bundles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "svc_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "svc_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Conditions = table.Column<string>(type: "text", nullable: false),
                    Prohibited = table.Column<string>(type: "text", nullable: false),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    FormFields = table.Column<string>(type: "text", nullable: false),
                    StatutoryLimitDays = table.Column<int>(type: "integer", nullable: false),
                    PromisedLimitDays = table.Column<int>(type: "integer", nullable: false),
                    DeferralDays = table.Column<int>(type: "integer", nullable: false),
                    Fee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channels = table.Column<int>(type: "integer", nullable: false),
                    Visits = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Hours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ComplaintPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AutoApprovalRules = table.Column<string>(type: "text", nullable: true),
                    IssuesLicenceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DiscretionRule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Keywords = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "svc_materials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LicenceTypes = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_materials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "svc_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ItemName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DepartmentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BundleApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApplicantKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContactName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RefusalRule = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RefusalText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AutoApproved = table.Column<bool>(type: "boolean", nullable: false),
                    AutoApprovalJson = table.Column<string>(type: "text", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StatutoryDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WorkingDaysTaken = table.Column<int>(type: "integer", nullable: true),
                    OnTime = table.Column<bool>(type: "boolean", nullable: true),
                    DeferredAcceptance = table.Column<bool>(type: "boolean", nullable: false),
                    PromisedBy = table.Column<DateOnly>(type: "date", nullable: true),
                    DeferredCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeferredCaseCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    FormJson = table.Column<string>(type: "text", nullable: false),
                    DiscrepanciesJson = table.Column<string>(type: "text", nullable: false),
                    NeedsDiscrepancyReview = table.Column<bool>(type: "boolean", nullable: false),
                    LicenceNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_applications_svc_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "svc_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "svc_bundle_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    BundleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_bundle_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_bundle_items_svc_bundles_BundleId",
                        column: x => x.BundleId,
                        principalTable: "svc_bundles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_svc_bundle_items_svc_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "svc_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "svc_item_materials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    MaterialId = table.Column<Guid>(type: "uuid", nullable: false),
                    Requirement = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Deferrable = table.Column<bool>(type: "boolean", nullable: false),
                    Form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_item_materials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_item_materials_svc_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "svc_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_svc_item_materials_svc_materials_MaterialId",
                        column: x => x.MaterialId,
                        principalTable: "svc_materials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "svc_application_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_application_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_application_events_svc_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "svc_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "svc_application_materials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MaterialId = table.Column<Guid>(type: "uuid", nullable: false),
                    MaterialCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MaterialName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LicenceNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LicenceSource = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Size = table.Column<long>(type: "bigint", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    SuppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_svc_application_materials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_svc_application_materials_svc_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "svc_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_svc_application_events_ApplicationId_At",
                table: "svc_application_events",
                columns: new[] { "ApplicationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_application_events_ZoneId",
                table: "svc_application_events",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_application_materials_ApplicationId",
                table: "svc_application_materials",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_application_materials_ZoneId",
                table: "svc_application_materials",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_BundleApplicationId",
                table: "svc_applications",
                column: "BundleApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_ItemId",
                table: "svc_applications",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_Number",
                table: "svc_applications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_ZoneId",
                table: "svc_applications",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_ZoneId_DepartmentId_SubmittedAt",
                table: "svc_applications",
                columns: new[] { "ZoneId", "DepartmentId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_ZoneId_EnterpriseId_SubmittedAt",
                table: "svc_applications",
                columns: new[] { "ZoneId", "EnterpriseId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_applications_ZoneId_Stage_SubmittedAt",
                table: "svc_applications",
                columns: new[] { "ZoneId", "Stage", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_bundle_applications_Number",
                table: "svc_bundle_applications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_bundle_applications_ZoneId",
                table: "svc_bundle_applications",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_bundle_applications_ZoneId_EnterpriseId_SubmittedAt",
                table: "svc_bundle_applications",
                columns: new[] { "ZoneId", "EnterpriseId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_bundle_items_BundleId_ItemId",
                table: "svc_bundle_items",
                columns: new[] { "BundleId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_bundle_items_ItemId",
                table: "svc_bundle_items",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_bundle_items_ZoneId",
                table: "svc_bundle_items",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_bundles_ZoneId",
                table: "svc_bundles",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_bundles_ZoneId_Code",
                table: "svc_bundles",
                columns: new[] { "ZoneId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_files_ZoneId",
                table: "svc_files",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_item_materials_ItemId_MaterialId",
                table: "svc_item_materials",
                columns: new[] { "ItemId", "MaterialId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_item_materials_MaterialId",
                table: "svc_item_materials",
                column: "MaterialId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_item_materials_ZoneId",
                table: "svc_item_materials",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_items_ZoneId",
                table: "svc_items",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_items_ZoneId_Code",
                table: "svc_items",
                columns: new[] { "ZoneId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_svc_items_ZoneId_DepartmentId",
                table: "svc_items",
                columns: new[] { "ZoneId", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_svc_materials_ZoneId",
                table: "svc_materials",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_svc_materials_ZoneId_Code",
                table: "svc_materials",
                columns: new[] { "ZoneId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "svc_application_events");

            migrationBuilder.DropTable(
                name: "svc_application_materials");

            migrationBuilder.DropTable(
                name: "svc_bundle_applications");

            migrationBuilder.DropTable(
                name: "svc_bundle_items");

            migrationBuilder.DropTable(
                name: "svc_files");

            migrationBuilder.DropTable(
                name: "svc_item_materials");

            migrationBuilder.DropTable(
                name: "svc_applications");

            migrationBuilder.DropTable(
                name: "svc_bundles");

            migrationBuilder.DropTable(
                name: "svc_materials");

            migrationBuilder.DropTable(
                name: "svc_items");
        }
    }
}
