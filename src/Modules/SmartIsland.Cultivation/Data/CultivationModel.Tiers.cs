using Microsoft.EntityFrameworkCore;
using SmartIsland.Cultivation.Tiers;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cultivation.Data;

/// <summary>Screening and reserve pools: <c>cul_tier_*</c> (standings, runs) and <c>cul_pool_*</c> (settings, entries, plans, history).</summary>
internal sealed partial class CultivationModel
{
    partial void ConfigureTiers(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<TierStanding>(s =>
        {
            s.ToTable("cul_tier_standings");
            s.HasKey(x => new { x.ZoneId, x.EnterpriseId, x.Code });
            s.Property(x => x.Code).HasMaxLength(64);
            s.Property(x => x.SetVersion).HasMaxLength(32);
            s.Property(x => x.Outcome).HasMaxLength(24);
            s.Property(x => x.Closeness).HasPrecision(6, 4);
            s.Property(x => x.ScoreLow).HasPrecision(8, 2);
            s.Property(x => x.ScoreHigh).HasPrecision(8, 2);
            s.HasIndex(x => new { x.ZoneId, x.Code, x.Closeness });
        });
        modelBuilder.Entity<ScreeningRun>(r =>
        {
            r.ToTable("cul_tier_runs");
            r.Property(x => x.Trigger).HasMaxLength(16);
            r.Property(x => x.TriggeredBy).HasMaxLength(256);
            r.Property(x => x.Status).HasMaxLength(16);
            r.Property(x => x.Error).HasMaxLength(1000);
            r.HasIndex(x => new { x.ZoneId, x.StartedAt });
        });
        modelBuilder.Entity<PoolSettings>(p =>
        {
            p.ToTable("cul_pool_settings");
            p.Property(x => x.MinCloseness).HasPrecision(6, 4);
            p.HasIndex(x => x.ZoneId).IsUnique();
        });
        modelBuilder.Entity<PoolEntry>(e =>
        {
            e.ToTable("cul_pool_entries");
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.EnterpriseName).HasMaxLength(200);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.Outcome).HasMaxLength(24);
            e.Property(x => x.Closeness).HasPrecision(6, 4);
            e.Property(x => x.HandReason).HasMaxLength(500);
            e.Property(x => x.ResponsibleName).HasMaxLength(64);
            e.HasIndex(x => new { x.ZoneId, x.Code, x.EnterpriseId }).IsUnique();
            e.HasIndex(x => new { x.ZoneId, x.Code, x.Rank });
            e.HasIndex(x => new { x.ZoneId, x.EnterpriseId });
        });
        modelBuilder.Entity<PlanAction>(a =>
        {
            a.ToTable("cul_pool_plan_actions");
            a.Property(x => x.Title).HasMaxLength(200);
            a.Property(x => x.Owner).HasMaxLength(64);
            a.HasIndex(x => new { x.ZoneId, x.EntryId });
        });
        modelBuilder.Entity<PoolEvent>(h =>
        {
            h.ToTable("cul_pool_history");
            h.Property(x => x.Code).HasMaxLength(64);
            h.Property(x => x.Kind).HasMaxLength(24);
            h.Property(x => x.ActorName).HasMaxLength(256);
            h.Property(x => x.Reason).HasMaxLength(500);
            h.Property(x => x.Closeness).HasPrecision(6, 4);
            h.HasIndex(x => new { x.ZoneId, x.Code, x.EnterpriseId, x.At });
        });
    }
}
