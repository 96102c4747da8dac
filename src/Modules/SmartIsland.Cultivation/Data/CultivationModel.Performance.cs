using Microsoft.EntityFrameworkCore;
using SmartIsland.Cultivation.Performance;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cultivation.Data;

/// <summary>Per-mu evaluation's own tables; its schemes, runs and results live in the scoring module (<c>sco_</c>).</summary>
internal sealed partial class CultivationModel
{
    partial void ConfigurePerformance(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<GradePolicy>(p =>
        {
            p.ToTable("cul_perf_policies");
            p.Property(x => x.Grade).HasMaxLength(16);
            p.Property(x => x.Lever).HasConversion<string>().HasMaxLength(32);
            p.Property(x => x.TextZh).HasMaxLength(PerformanceLimits.PolicyTextMax);
            p.Property(x => x.TextEn).HasMaxLength(PerformanceLimits.PolicyTextMax);
            p.HasIndex(x => new { x.ZoneId, x.Grade, x.Lever }).IsUnique();
        });
        modelBuilder.Entity<GradingExclusion>(e =>
        {
            e.ToTable("cul_perf_exclusions");
            e.Property(x => x.Reason).HasMaxLength(PerformanceLimits.ReasonMax);
            e.HasIndex(x => new { x.ZoneId, x.EnterpriseId }).IsUnique();
        });
    }
}
