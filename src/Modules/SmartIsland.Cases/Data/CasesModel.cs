using Microsoft.EntityFrameworkCore;
using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cases.Data;

internal sealed class CasesModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<CaseType>(t =>
        {
            t.ToTable("case_types");
            t.Property(x => x.Code).HasMaxLength(40);
            t.Property(x => x.Name).HasMaxLength(100);
            t.Property(x => x.NameEn).HasMaxLength(100);
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            t.Property(x => x.Workflow).HasMaxLength(40).HasDefaultValue("default");
            t.HasIndex(x => new { x.ZoneId, x.Code }).IsUnique();
        });
        modelBuilder.Entity<CaseCategory>(t =>
        {
            t.ToTable("case_categories");
            t.Property(x => x.Code).HasMaxLength(40);
            t.Property(x => x.Name).HasMaxLength(100);
            t.Property(x => x.NameEn).HasMaxLength(100);
            t.HasIndex(x => new { x.ZoneId, x.CaseTypeId, x.Code }).IsUnique();
            t.HasOne<CaseType>().WithMany().HasForeignKey(x => x.CaseTypeId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Case>(c =>
        {
            c.ToTable("case_cases");
            c.Property(x => x.TrackingCode).HasMaxLength(20);
            c.Property(x => x.Description).HasMaxLength(4000);
            c.Property(x => x.Address).HasMaxLength(300);
            c.Property(x => x.RequesterPhone).HasMaxLength(30);
            c.Property(x => x.State).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.Priority).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.RequesterName).HasMaxLength(100);
            c.Property(x => x.IdempotencyKey).HasMaxLength(100);
            c.Property(x => x.RatingComment).HasMaxLength(1000);
            c.Property(x => x.HazardLevel).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Rectification).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.HazardCategory).HasMaxLength(100);
            c.Property(x => x.Measure).HasMaxLength(1000);
            c.Property(x => x.ResponsiblePerson).HasMaxLength(100);
            c.HasIndex(x => x.TrackingCode).IsUnique();
            c.HasIndex(x => new { x.ZoneId, x.IdempotencyKey }).IsUnique();
            c.HasIndex(x => new { x.ZoneId, x.SubmittedAt });
            c.HasIndex(x => new { x.ZoneId, x.InspectionRoundId });
            c.HasIndex(x => x.MergedIntoCaseId);
            c.HasIndex(x => new { x.ZoneId, x.State, x.ResolutionDueAt });
            c.HasIndex(x => new { x.ZoneId, x.AssignedUnitId, x.State });
            c.HasOne<CaseType>().WithMany().HasForeignKey(x => x.CaseTypeId).OnDelete(DeleteBehavior.Restrict);
            c.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.Pauses).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CaseEvent>(e =>
        {
            e.ToTable("case_events");
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.ActorName).HasMaxLength(256);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.FromState).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.ToState).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(x => new { x.CaseId, x.At });
        });
        modelBuilder.Entity<CasePause>(p => p.ToTable("case_pauses"));
        modelBuilder.Entity<CasePhoto>(p =>
        {
            p.ToTable("case_photos");
            p.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.ContentType).HasMaxLength(40);
            p.HasIndex(x => x.CaseId);
            p.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CaseNotification>(n =>
        {
            n.ToTable("case_notifications");
            n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            n.Property(x => x.RecipientRole).HasMaxLength(40);
            n.Property(x => x.Message).HasMaxLength(1000);
            n.HasIndex(x => new { x.ZoneId, x.RecipientUserId, x.ReadAt });
            n.HasIndex(x => new { x.CaseId, x.Kind, x.Level });
            n.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<InspectionRound>(r =>
        {
            r.ToTable("case_inspection_rounds");
            r.Property(x => x.InspectorName).HasMaxLength(256);
            r.Property(x => x.Place).HasMaxLength(300);
            r.Property(x => x.Notes).HasMaxLength(2000);
            r.HasIndex(x => new { x.ZoneId, x.At });
        });
    }
}
