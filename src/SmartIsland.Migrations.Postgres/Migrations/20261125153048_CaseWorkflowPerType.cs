using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartIsland.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseWorkflowPerType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Workflow",
                table: "case_types",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "default");

            // Supervision tasks made before types named their workflow follow their own loop from now on.
            migrationBuilder.Sql("UPDATE case_types SET \"Workflow\" = 'supervision' WHERE \"Kind\" = 'SupervisionTask'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Workflow",
                table: "case_types");
        }
    }
}
