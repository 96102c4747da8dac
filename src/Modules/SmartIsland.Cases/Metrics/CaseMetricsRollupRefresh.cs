using Microsoft.EntityFrameworkCore;
using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cases.Metrics;

/// <summary>
/// Keeps a zone's daily and monthly rollup equal to what the cases say (ADR 0008). It follows the audit
/// log, where every change of a case is written in the same transaction as the change itself: the days
/// on which the changed cases were received are counted again from <c>case_cases</c>, then their months
/// from the day rows. The first refresh of a zone, or one that finds very many changes, counts everything.
/// Runs before each metrics read, so figures are never stale; with nothing new it costs one indexed probe.
/// </summary>
public sealed class CaseMetricsRollupRefresh(TimeProvider time)
{
    /// <summary>The audit log names a case row "Case" (its CLR type).</summary>
    private const string CaseEntity = nameof(Case);

    /// <summary>Above this many case changes, counting every case once reads less than counting day by day.</summary>
    internal const int RebuildAbove = 20_000;

    /// <summary>PostgreSQL: one refresh per database at a time, whichever app node runs it.</summary>
    private const long AdvisoryLockKey = 7_400_412_008;

    public static readonly TimeSpan ZoneOffset = WorkingClock.ChinaOffset;

    /// <summary>Brings the rollup of the context's zone up to date. The context must be scoped to one zone.</summary>
    public async Task RefreshAsync(PlatformDbContext db, CancellationToken ct)
    {
        var mark = await db.Set<CaseMetricsWatermark>().AsNoTracking().Select(w => (long?)w.AuditSequence).FirstOrDefaultAsync(ct);
        if (mark is { } seen && !await ZoneAudit(db).AnyAsync(e => e.Sequence > seen && e.EntityType == CaseEntity, ct)) return;

        // The audit-chain lock first: no other writer of this node commits between our reads and our writes
        // (on SQLite a read transaction could not be upgraded to a write after another commit).
        await using var transaction = await db.BeginAuditedTransactionAsync(ct);
        if (db.Provider == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        var watermark = await db.Set<CaseMetricsWatermark>().FirstOrDefaultAsync(ct);
        if (watermark is null)
        {
            await RebuildAsync(db, null, ct);
        }
        else
        {
            var changes = await ZoneAudit(db)
                .Where(e => e.Sequence > watermark.AuditSequence && e.EntityType == CaseEntity)
                .OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.EntityId }).Take(RebuildAbove + 1).ToListAsync(ct);
            if (changes.Count == 0) return;
            if (changes.Count > RebuildAbove)
            {
                await RebuildAsync(db, watermark, ct);
            }
            else
            {
                var ids = changes.Select(c => Guid.TryParse(c.EntityId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
                await RecountAsync(db, ids, ct);
                watermark.AuditSequence = changes[^1].Sequence;
                watermark.RefreshedAt = time.GetUtcNow();
                db.AuditReason = $"case metrics rollup: {ids.Count} changed case(s) up to audit #{watermark.AuditSequence}";
                await db.SaveChangesAsync(ct);
            }
        }
        await SkipOwnEntriesAsync(db, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The rollup's own writes are audited too; moving the watermark past them (when no case changed in
    /// between) keeps the next read's probe from stepping over thousands of them.
    /// </summary>
    private static async Task SkipOwnEntriesAsync(PlatformDbContext db, CancellationToken ct)
    {
        var watermark = await db.Set<CaseMetricsWatermark>().SingleAsync(ct);
        var last = await ZoneAudit(db).MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        if (last - watermark.AuditSequence < 100) return;
        var from = watermark.AuditSequence;
        if (await ZoneAudit(db).AnyAsync(e => e.Sequence > from && e.Sequence <= last && e.EntityType == CaseEntity, ct)) return;
        watermark.AuditSequence = last;
        db.AuditReason = $"case metrics rollup: watermark past its own entries to audit #{last}";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The zone's audit entries, filtered by a plain equality: the global filter compares the nullable
    /// ZoneId with null semantics (an OR), which made SQLite walk every "Case" entry of the zone through the
    /// (EntityType, EntityId) index — 0.4 s at 1,000,000 cases — instead of the (ZoneId, Sequence) range.
    /// </summary>
    private static IQueryable<SmartIsland.Platform.Audit.AuditEntry> ZoneAudit(PlatformDbContext db)
    {
        var zone = db.CurrentZoneId ?? throw new InvalidOperationException("The metrics rollup is kept per zone.");
        return db.AuditLog.IgnoreQueryFilters().AsNoTracking().Where(e => e.ZoneId == zone);
    }

    /// <summary>The day (in +08:00) a case was received on: the rollup's key.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ZoneOffset).DateTime);

    /// <summary>The first instant of a day in +08:00, as UTC: case_cases keeps SubmittedAt in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ZoneOffset).ToUniversalTime();

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private async Task RecountAsync(PlatformDbContext db, List<Guid> caseIds, CancellationToken ct)
    {
        var days = new HashSet<DateOnly>();
        var zone = db.CurrentZoneId;
        foreach (var chunk in caseIds.Chunk(500))
        {
            // By primary key without the zone filter (with it SQLite preferred walking the zone's cases),
            // then the zone checked here.
            var submitted = await db.Set<Case>().IgnoreQueryFilters().AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new { c.ZoneId, c.SubmittedAt }).ToListAsync(ct);
            days.UnionWith(submitted.Where(c => c.ZoneId == zone).Select(c => DayOf(c.SubmittedAt)));
        }

        // 1. Each affected day counted again from its cases.
        foreach (var day in days)
        {
            var counted = new RollupCounter();
            var from = StartOf(day);
            var to = StartOf(day.AddDays(1));
            await foreach (var fact in Facts(db.Set<Case>().AsNoTracking().Where(c => c.SubmittedAt >= from && c.SubmittedAt < to)).AsAsyncEnumerable().WithCancellation(ct))
                counted.Count(MetricsGrain.Day, day, fact);
            var existing = await db.Set<CaseMetricsRollup>().Where(r => r.Grain == MetricsGrain.Day && r.Day == day).ToListAsync(ct);
            Sync(db, existing, counted.Rows());
        }
        await db.SaveChangesAsync(ct);

        // 2. Each affected month summed again from its day rows (already written in this transaction).
        foreach (var month in days.Select(MonthOf).Distinct())
        {
            var end = month.AddMonths(1);
            var dayRows = await db.Set<CaseMetricsRollup>().AsNoTracking()
                .Where(r => r.Grain == MetricsGrain.Day && r.Day >= month && r.Day < end).ToListAsync(ct);
            var summed = new RollupCounter();
            foreach (var row in dayRows) summed.Add(MetricsGrain.Month, month, row);
            var existing = await db.Set<CaseMetricsRollup>().Where(r => r.Grain == MetricsGrain.Month && r.Day == month).ToListAsync(ct);
            Sync(db, existing, summed.Rows());
        }
    }

    /// <summary>Writes only what changed: a refresh after one case change touches one day row and one month row.</summary>
    private static void Sync(PlatformDbContext db, List<CaseMetricsRollup> existing, List<CaseMetricsRollup> wanted)
    {
        var byUnit = existing.ToDictionary(r => r.UnitId ?? Guid.Empty);
        foreach (var row in wanted)
        {
            if (byUnit.Remove(row.UnitId ?? Guid.Empty, out var old))
            {
                if (!old.SameFiguresAs(row)) old.CopyFiguresFrom(row);
            }
            else
            {
                db.Add(row);
            }
        }
        foreach (var gone in byUnit.Values) db.Remove(gone);
    }

    private async Task RebuildAsync(PlatformDbContext db, CaseMetricsWatermark? watermark, CancellationToken ct)
    {
        // Everything up to here is counted; changes after it are counted again next time (counting is idempotent).
        var upTo = await ZoneAudit(db).MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var counted = new RollupCounter();
        await foreach (var fact in Facts(db.Set<Case>().AsNoTracking()).AsAsyncEnumerable().WithCancellation(ct))
        {
            var day = DayOf(fact.SubmittedAt);
            counted.Count(MetricsGrain.Day, day, fact);
            counted.Count(MetricsGrain.Month, MonthOf(day), fact);
        }
        var stale = await db.Set<CaseMetricsRollup>().ToListAsync(ct);
        db.RemoveRange(stale);
        if (watermark is null) db.Add(watermark = new CaseMetricsWatermark { ZoneId = db.CurrentZoneId!.Value });
        watermark.AuditSequence = upTo;
        watermark.RefreshedAt = time.GetUtcNow();
        db.AuditReason = $"case metrics rollup counted from all cases up to audit #{upTo}";
        await db.SaveChangesAsync(ct);
        var rows = counted.Rows();
        foreach (var row in rows) row.ZoneId = db.CurrentZoneId!.Value;
        db.AuditReason = $"case metrics rollup counted from all cases up to audit #{upTo}";
        await db.BulkInsertAsync(rows, ct);
    }

    internal sealed record CaseFact(Guid? UnitId, DateTimeOffset SubmittedAt, CaseState State, bool Merged, bool IsResolved, bool? OnTime, double? Hours, Satisfaction? Rating);

    private static IQueryable<CaseFact> Facts(IQueryable<Case> cases) =>
        cases.Select(c => new CaseFact(c.AssignedUnitId, c.SubmittedAt, c.State, c.MergedIntoCaseId != null, c.ResolvedAt != null, c.ResolvedOnTime, c.HandlingWorkingHours, c.Rating));

    /// <summary>
    /// What a case adds to its unit's row. A merged duplicate counts nowhere (the case it repeats does).
    /// Closed: the loop has ended (closed out or rejected with a reason: <see cref="CaseWorkflow.IsOpen"/>).
    /// Resolved: resolved now (a reopened case counts again once resolved again), with its on-time flag
    /// and handling time. Rated: the latest rating; satisfied is 4 or 5.
    /// </summary>
    internal sealed class RollupCounter
    {
        private readonly Dictionary<(MetricsGrain, DateOnly, Guid), (CaseMetricsRollup Row, HandlingHistogram Handling)> rows = [];

        private (CaseMetricsRollup Row, HandlingHistogram Handling) At(MetricsGrain grain, DateOnly day, Guid? unit)
        {
            var key = (grain, day, unit ?? Guid.Empty);
            if (!rows.TryGetValue(key, out var entry))
                rows[key] = entry = (new CaseMetricsRollup { Grain = grain, Day = day, UnitId = unit }, new HandlingHistogram());
            return entry;
        }

        public void Count(MetricsGrain grain, DateOnly day, CaseFact c)
        {
            if (c.Merged) return;
            var (row, handling) = At(grain, day, c.UnitId);
            row.Received++;
            if (!CaseWorkflow.IsOpen(c.State)) row.Closed++;
            if (c.IsResolved && c.OnTime is { } onTime)
            {
                row.Resolved++;
                if (onTime) row.ResolvedOnTime++;
            }
            if (c.IsResolved && c.Hours is { } hours) handling.Add(hours);
            if (c.Rating is { } rating)
            {
                row.Rated++;
                row.RatingSum += (int)rating;
                if (rating >= Satisfaction.Satisfied) row.Satisfied++;
            }
        }

        public void Add(MetricsGrain grain, DateOnly day, CaseMetricsRollup from)
        {
            var (row, handling) = At(grain, day, from.UnitId);
            row.Received += from.Received;
            row.Closed += from.Closed;
            row.Resolved += from.Resolved;
            row.ResolvedOnTime += from.ResolvedOnTime;
            row.Rated += from.Rated;
            row.Satisfied += from.Satisfied;
            row.RatingSum += from.RatingSum;
            handling.MergeText(from.Handling);
        }

        public List<CaseMetricsRollup> Rows() => rows.Values.Select(e =>
        {
            e.Row.Handling = e.Handling.ToString();
            return e.Row;
        }).ToList();
    }
}
