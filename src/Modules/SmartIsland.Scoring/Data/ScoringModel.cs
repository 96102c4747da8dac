using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Scoring.Domain;

namespace SmartIsland.Scoring.Data;

/// <summary>
/// The scoring tables (prefix <c>sco_</c>). Migrations are per provider, on the one platform context:
/// <c>dotnet ef migrations add NAME --project src/SmartIsland.Migrations.Sqlite --startup-project src/SmartIsland.Host -- --provider Sqlite</c>
/// and the same with <c>SmartIsland.Migrations.Postgres</c> / <c>--provider Postgres</c>.
/// </summary>
internal sealed class ScoringModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<ScoringScheme>(s =>
        {
            s.ToTable("sco_schemes");
            s.Property(x => x.Key).HasMaxLength(64);
            s.Property(x => x.TitleZh).HasMaxLength(200);
            s.Property(x => x.TitleEn).HasMaxLength(200);
            // Two editors saving on the same revision: the second save fails here and is told to reload.
            s.HasIndex(x => new { x.ZoneId, x.Key, x.Revision }).IsUnique();
        });
        modelBuilder.Entity<ScoringRun>(r =>
        {
            r.ToTable("sco_runs");
            r.Property(x => x.SchemeKey).HasMaxLength(64);
            r.Property(x => x.Period).HasMaxLength(8);
            r.Property(x => x.RunByName).HasMaxLength(64);
            r.HasIndex(x => new { x.ZoneId, x.SchemeKey, x.Period, x.RunAt });
        });
        modelBuilder.Entity<ScoringResult>(r =>
        {
            r.ToTable("sco_results");
            r.Property(x => x.UnitName).HasMaxLength(200);
            r.Property(x => x.Grade).HasMaxLength(16);
            r.Property(x => x.ExcludedReason).HasMaxLength(200);
            r.Property(x => x.Total).HasPrecision(14, 2);
            r.Property(x => x.Bonus).HasPrecision(14, 2);
            r.Property(x => x.Penalty).HasPrecision(14, 2);
            r.HasIndex(x => new { x.RunId, x.Rank });
            r.HasIndex(x => new { x.ZoneId, x.UnitId });
        });
    }
}
