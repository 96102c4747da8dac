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
            t.HasIndex(x => new { x.ZoneId, x.Code }).IsUnique();
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
            c.HasIndex(x => x.TrackingCode).IsUnique();
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
    }
}
