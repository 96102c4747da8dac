using Microsoft.EntityFrameworkCore;
using SmartIsland.Cultivation.Officers;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cultivation.Data;

/// <remarks>
/// Chief service officers' tables. A schema change needs a migration per provider:
/// <c>dotnet ef migrations add NAME --project src/SmartIsland.Migrations.Sqlite --startup-project src/SmartIsland.Host -- --provider Sqlite</c>
/// and the same with <c>SmartIsland.Migrations.Postgres</c> / <c>--provider Postgres</c>.
/// </remarks>
internal sealed partial class CultivationModel
{
    partial void ConfigureOfficers(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<OfficerAssignment>(t =>
        {
            t.ToTable("cul_officer_assignments");
            // One officer per enterprise (issue 4 item 4): a second row for the same enterprise is refused by the database.
            t.HasIndex(x => new { x.ZoneId, x.EnterpriseId }).IsUnique();
            t.HasIndex(x => new { x.ZoneId, x.OfficerUserId });
        });
        modelBuilder.Entity<OfficerAssignmentChange>(t =>
        {
            t.ToTable("cul_officer_history");
            t.Property(x => x.ByName).HasMaxLength(100);
            t.Property(x => x.Reason).HasMaxLength(500);
            t.HasIndex(x => new { x.ZoneId, x.EnterpriseId, x.At });
        });
        modelBuilder.Entity<Visit>(t =>
        {
            t.ToTable("cul_visits");
            t.Property(x => x.OfficerName).HasMaxLength(100);
            t.Property(x => x.Notes).HasMaxLength(OfficerRules.NotesMax);
            t.HasIndex(x => new { x.ZoneId, x.EnterpriseId, x.VisitedOn });
        });
        modelBuilder.Entity<VisitPhoto>(t =>
        {
            t.ToTable("cul_visit_photos");
            t.HasIndex(x => new { x.ZoneId, x.VisitId });
            t.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<VisitRequest>(t =>
        {
            t.ToTable("cul_visit_requests");
            t.Property(x => x.Description).HasMaxLength(OfficerRules.RequestMax);
            t.Property(x => x.TrackingCode).HasMaxLength(20);
            t.HasIndex(x => new { x.ZoneId, x.VisitId });
            t.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ServiceGoal>(t =>
        {
            t.ToTable("cul_officer_goals");
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            t.Property(x => x.DeclaredStatus).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.Owner).HasMaxLength(100);
            t.Property(x => x.Note).HasMaxLength(1000);
            // One goal of each kind per enterprise: the "1234" plan has four lines, not a list.
            t.HasIndex(x => new { x.ZoneId, x.EnterpriseId, x.Kind }).IsUnique();
        });
    }
}
