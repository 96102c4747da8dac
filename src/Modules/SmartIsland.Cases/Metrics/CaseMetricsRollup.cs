using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Metrics;

public enum MetricsGrain
{
    Day,
    Month,
}

/// <summary>
/// The cases received by one unit on one day (or in one month), as they stand now: derived from
/// <c>case_cases</c> and rebuilt from it whenever those cases change (ADR 0008). Never edited by hand.
/// </summary>
public sealed class CaseMetricsRollup : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public MetricsGrain Grain { get; set; }
    /// <summary>The day in +08:00, or the first day of the month.</summary>
    public DateOnly Day { get; set; }
    /// <summary>The unit the cases are assigned to; null: still with the zone's intake desk.</summary>
    public Guid? UnitId { get; set; }
    public int Received { get; set; }
    public int Closed { get; set; }
    public int Resolved { get; set; }
    public int ResolvedOnTime { get; set; }
    public int Rated { get; set; }
    public int Satisfied { get; set; }
    public int RatingSum { get; set; }
    /// <summary>Handling working hours of the resolved cases (<see cref="HandlingHistogram"/> text).</summary>
    public string Handling { get; set; } = "";

    public bool SameFiguresAs(CaseMetricsRollup other) =>
        Received == other.Received && Closed == other.Closed && Resolved == other.Resolved && ResolvedOnTime == other.ResolvedOnTime
        && Rated == other.Rated && Satisfied == other.Satisfied && RatingSum == other.RatingSum && Handling == other.Handling;

    public void CopyFiguresFrom(CaseMetricsRollup other)
    {
        Received = other.Received;
        Closed = other.Closed;
        Resolved = other.Resolved;
        ResolvedOnTime = other.ResolvedOnTime;
        Rated = other.Rated;
        Satisfied = other.Satisfied;
        RatingSum = other.RatingSum;
        Handling = other.Handling;
    }
}

/// <summary>How far a zone's rollup has followed the audit log: case changes after this sequence are not in it yet.</summary>
public sealed class CaseMetricsWatermark : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public long AuditSequence { get; set; }
    public DateTimeOffset RefreshedAt { get; set; }
}

internal sealed class CaseMetricsModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<CaseMetricsRollup>(r =>
        {
            r.ToTable("case_metrics_rollup");
            r.Property(x => x.Grain).HasConversion<string>().HasMaxLength(10);
            // Unique per zone, grain, day and unit: the metrics query reads it by (zone, grain, day range).
            r.HasIndex(x => new { x.ZoneId, x.Grain, x.Day, x.UnitId }).IsUnique();
        });
        // "Overdue now": the running cases past their stored deadline, per unit, read from the index alone.
        modelBuilder.Entity<Domain.Case>().HasIndex(x => new { x.ZoneId, x.State, x.ResolutionDueAt, x.AssignedUnitId, x.MergedIntoCaseId, x.Id, x.SubmittedAt })
            .HasDatabaseName("IX_case_cases_overdue_by_unit");
        // A case's pauses within the zone filter: with only the ZoneId index, looking up the pauses of
        // thousands of overdue candidates walked the zone's pauses for each one.
        modelBuilder.Entity<Domain.CasePause>().HasIndex(x => new { x.ZoneId, x.CaseId }).HasDatabaseName("IX_case_pauses_zone_case");
        modelBuilder.Entity<CaseMetricsWatermark>(w =>
        {
            w.ToTable("case_metrics_watermarks");
            w.HasIndex(x => x.ZoneId).IsUnique();
        });
    }
}
