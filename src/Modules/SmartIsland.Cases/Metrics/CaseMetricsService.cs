using Microsoft.EntityFrameworkCore;
using SmartIsland.Calendar.Domain;
using SmartIsland.Cases.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Metrics;

public sealed record MetricsQuery(
    MetricsPeriodKind Period = MetricsPeriodKind.ThisMonth, DateOnly? From = null, DateOnly? To = null,
    MetricsUnitKind UnitKind = MetricsUnitKind.Department, MetricsSort Sort = MetricsSort.Score);

/// <summary>The figures of one period: the zone as a whole, and every unit of the chosen kind in ranking order.</summary>
public sealed record MetricsReport(DateOnly From, DateOnly To, MetricsUnitKind UnitKind, MetricsSort Sort, UnitMetrics Zone, IReadOnlyList<UnitMetrics> Units, DateTimeOffset AsOf);

/// <summary>An open case past its resolution deadline (pauses moved the deadline; see <see cref="DeadlineStatus"/>).</summary>
public sealed record OverdueCase(
    Guid Id, string TrackingCode, string TypeName, string? CategoryName, string Description, string? Address, CaseState State,
    Guid? UnitId, string? UnitName, DateTimeOffset SubmittedAt, DateTimeOffset Due, double OverdueWorkingHours, int OverdueWorkingDays, int EscalationLevel);

public sealed record OverdueUnit(Guid? UnitId, string? Name, MetricsUnitKind? Kind, int Count, int LongestOverdueWorkingDays);

/// <summary>Everything unfixed and overdue now, by unit (issue 3 §9): counts per unit, then the cases, oldest first.</summary>
public sealed record OverdueReport(DateTimeOffset AsOf, int Total, IReadOnlyList<OverdueUnit> Units, IReadOnlyList<OverdueCase> Cases);

/// <summary>
/// Metrics and ranking by unit (issue 3 §10) and the leaders' overdue report (§9). Figures describe the
/// cases received in the period as they stand now, read from the rollup (ADR 0008); "overdue now" is
/// read live from the open cases. A unit's figures include its sub-units: a town counts the cases of
/// its communities, villages and grids (the organisation's parent chain), by the unit a case is assigned to.
/// </summary>
public sealed class CaseMetricsService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, IOrganisationDirectory organisation,
    IWorkingDayCalendarProvider calendars, TimeProvider time, CaseMetricsRollupRefresh rollup)
{
    /// <summary>Who reads metrics and the overdue report: leaders, administrators and departments (issue 3 §10).</summary>
    public static readonly string[] Readers = [Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff];

    /// <summary>
    /// Open and not resolved (in these states ResolvedAt is always empty: resolving moves a case to Resolved,
    /// reopening clears it). WaitingForRequester is left out: its clock stands still, so it cannot be overdue now.
    /// </summary>
    private static readonly CaseState[] Running =
        [CaseState.Submitted, CaseState.Accepted, CaseState.Assigned, CaseState.InProgress, CaseState.Transferred, CaseState.Reopened];

    public bool MayRead => user.IsInAnyRole(Readers);

    private Guid Demand()
    {
        if (!MayRead) throw new ForbiddenException("cases.metrics: leaders, administrators and departments read case metrics", "You may not view case metrics.");
        return user.ZoneId ?? throw new ForbiddenException("cases.metrics: figures belong to a zone", "No zone.");
    }

    /// <summary>Today in the zone's time: where "this month" and "this year" start from.</summary>
    public DateOnly Today => CaseMetricsRollupRefresh.DayOf(time.GetUtcNow());

    public async Task<MetricsReport> ReportAsync(MetricsQuery query, CancellationToken ct = default)
    {
        var zoneId = Demand();
        var period = Validate(query);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await rollup.RefreshAsync(db, ct);

        var (firstMonth, endMonth) = period.WholeMonths();
        var rows = await db.Set<CaseMetricsRollup>().AsNoTracking()
            .Where(r => (r.Grain == MetricsGrain.Month && r.Day >= firstMonth && r.Day < endMonth)
                     || (r.Grain == MetricsGrain.Day && r.Day >= period.From && r.Day <= period.To && (r.Day < firstMonth || r.Day >= endMonth)))
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        var direct = new Dictionary<Guid, MetricsCounts>();
        MetricsCounts Of(Guid? unit) => direct.TryGetValue(unit ?? Guid.Empty, out var c) ? c : direct[unit ?? Guid.Empty] = new MetricsCounts();
        foreach (var r in rows)
        {
            var c = Of(r.UnitId);
            c.Received += r.Received;
            c.Closed += r.Closed;
            c.Resolved += r.Resolved;
            c.ResolvedOnTime += r.ResolvedOnTime;
            c.Rated += r.Rated;
            c.Satisfied += r.Satisfied;
            c.RatingSum += r.RatingSum;
            c.Handling.MergeText(r.Handling);
        }
        foreach (var (unit, n) in await OverdueCountsAsync(db, now, ct)) Of(unit == Guid.Empty ? null : unit).OverdueNow += n;

        var zone = new MetricsCounts();
        foreach (var c in direct.Values) zone.Add(c);
        var units = await organisation.UnitsAsync(zoneId, ct);
        var tree = new UnitTree(units);
        var ranked = MetricsRanking.Rank(units.Where(u => MetricsUnitKinds.Of(u.Kind) == query.UnitKind).Select(u =>
        {
            var sum = new MetricsCounts();
            foreach (var id in tree.SelfAndBelow(u.Id))
                if (direct.TryGetValue(id, out var c)) sum.Add(c);
            return UnitMetrics.From(u.Id, u.Name, query.UnitKind, sum);
        }), query.Sort);
        return new MetricsReport(period.From, period.To, query.UnitKind, query.Sort, UnitMetrics.From(null, "", null, zone), ranked, now);
    }

    private MetricsPeriod Validate(MetricsQuery query)
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(query.UnitKind)) errors.Add("unitKind", "Unknown unit kind.");
        if (!Enum.IsDefined(query.Sort)) errors.Add("sort", "Unknown sort order.");
        if (!Enum.IsDefined(query.Period)) errors.Add("period", "Unknown period.");
        if (query.Period == MetricsPeriodKind.Custom)
        {
            if (query.From is null) errors.Add("from", "Give the first day of the period.");
            if (query.To is null) errors.Add("to", "Give the last day of the period.");
            if (query.From > query.To) errors.Add("to", "The period ends before it starts.");
            else if (query.From is { } f && query.To is { } t && t.DayNumber - f.DayNumber >= MetricsPeriod.MaxDays) errors.Add("to", $"A period is at most {MetricsPeriod.MaxDays} days.");
        }
        errors.ThrowIfAny();
        return MetricsPeriod.Of(query.Period, Today, query.From, query.To);
    }

    /// <summary>
    /// Open unresolved cases past their deadline, per assigned unit. The deadline is the one the case page
    /// shows: the stored due time moved by the office time of any pauses (<see cref="DeadlineStatus"/>).
    /// The database finds the cases past their stored due time (pauses only ever move it later); the few
    /// of them that were ever paused are checked against their pauses here.
    /// </summary>
    private async Task<Dictionary<Guid, long>> OverdueCountsAsync(PlatformDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = Overdue(db, now);
        // Counted here, not with GROUP BY: grouping by unit makes SQLite walk the (zone, unit, state) index
        // over every case of the zone instead of the few past their deadline (the covering index in
        // CaseMetricsModel answers this without touching the table).
        var counts = new Dictionary<Guid, long>();
        // The pause lookup is served by the (ZoneId, CaseId) index of CaseMetricsModel: with only the ZoneId
        // index SQLite walked all of the zone's pauses once per candidate.
        var pauses = db.Set<CasePause>();
        var paused = new List<(Guid Id, Guid? Unit, DateTimeOffset SubmittedAt, DateTimeOffset Due)>();
        await foreach (var c in candidates.Select(c => new { c.Id, c.AssignedUnitId, c.SubmittedAt, c.ResolutionDueAt, Paused = pauses.Any(p => p.CaseId == c.Id) }).AsAsyncEnumerable().WithCancellation(ct))
        {
            counts[c.AssignedUnitId ?? Guid.Empty] = counts.GetValueOrDefault(c.AssignedUnitId ?? Guid.Empty) + 1;
            if (c.Paused) paused.Add((c.Id, c.AssignedUnitId, c.SubmittedAt, c.ResolutionDueAt));
        }
        if (paused.Count == 0) return counts;
        var clock = new WorkingClock(await calendars.GetAsync(ct));
        foreach (var chunk in paused.Chunk(500))
        {
            var ids = chunk.Select(c => c.Id).ToList();
            var pauseRows = (await pauses.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(ct)).ToLookup(p => p.CaseId, p => new Pause(p.From, p.To));
            foreach (var c in chunk)
            {
                if (!DeadlineStatus.At(clock, c.SubmittedAt, c.Due, [.. pauseRows[c.Id]], now).IsOverdue)
                    counts[c.Unit ?? Guid.Empty]--;
            }
        }
        return counts;
    }

    /// <summary>Cases past their stored resolution deadline and still running.</summary>
    private static IQueryable<Case> Overdue(PlatformDbContext db, DateTimeOffset now)
    {
        // Deadlines are stored in +08:00 (WorkingClock computes in the zone's offset). On SQLite a
        // DateTimeOffset is stored as its local ticks and offset, which sort correctly only against values
        // of the same offset, so "now" is compared in +08:00 too; PostgreSQL compares instants either way.
        var nowLocal = now.ToOffset(CaseMetricsRollupRefresh.ZoneOffset);
        return db.Set<Case>().AsNoTracking()
            .Where(c => Running.Contains(c.State) && c.MergedIntoCaseId == null && c.ResolutionDueAt < nowLocal);
    }

    /// <summary>The leaders' report: every case unfixed and overdue now, by unit, oldest first.</summary>
    public async Task<OverdueReport> OverdueReportAsync(CancellationToken ct = default)
    {
        var zoneId = Demand();
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Sorted here: ORDER BY SubmittedAt would lead SQLite down the (zone, submitted) index over every case.
        var found = (await Overdue(db, now).ToListAsync(ct)).OrderBy(c => c.SubmittedAt).ToList();
        var pausesOf = new Dictionary<Guid, List<Pause>>();
        foreach (var chunk in found.Select(c => c.Id).Chunk(500))
        {
            foreach (var p in await db.Set<CasePause>().AsNoTracking().Where(p => chunk.Contains(p.CaseId)).ToListAsync(ct))
                (pausesOf.TryGetValue(p.CaseId, out var list) ? list : pausesOf[p.CaseId] = []).Add(new Pause(p.From, p.To));
        }
        var clock = new WorkingClock(await calendars.GetAsync(ct));
        var units = (await organisation.UnitsAsync(zoneId, ct)).ToDictionary(u => u.Id);
        var types = await db.Set<CaseType>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var categories = await db.Set<CaseCategory>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var perDay = clock.Hours.PerDay.TotalHours;
        var cases = new List<OverdueCase>();
        foreach (var c in found)
        {
            var status = DeadlineStatus.At(clock, c.SubmittedAt, c.ResolutionDueAt, pausesOf.GetValueOrDefault(c.Id) ?? [], now);
            if (!status.IsOverdue) continue;
            var unit = c.AssignedUnitId is { } u ? units.GetValueOrDefault(u) : null;
            cases.Add(new OverdueCase(c.Id, c.TrackingCode, types.GetValueOrDefault(c.CaseTypeId, ""), c.CategoryId is { } cat ? categories.GetValueOrDefault(cat) : null,
                c.Description, c.Address, c.State, c.AssignedUnitId, unit?.Name, c.SubmittedAt, status.Due,
                Math.Round(status.Overdue.TotalHours, 2), OverdueDays(status.Overdue.TotalHours, perDay), c.EscalationLevel));
        }
        var byUnit = cases.GroupBy(c => c.UnitId)
            .Select(g => new OverdueUnit(g.Key, g.First().UnitName, g.Key is { } id && units.TryGetValue(id, out var u) ? MetricsUnitKinds.Of(u.Kind) : null, g.Count(), g.Max(c => c.OverdueWorkingDays)))
            .OrderByDescending(u => u.Count).ThenByDescending(u => u.LongestOverdueWorkingDays).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        return new OverdueReport(now, cases.Count, byUnit, cases);
    }

    /// <summary>Working days overdue: a part of a working day counts as a whole day (超期不足一个工作日的按一个工作日计).</summary>
    public static int OverdueDays(double overdueWorkingHours, double hoursPerDay) =>
        overdueWorkingHours <= 0 ? 0 : (int)Math.Ceiling(Math.Round(overdueWorkingHours / hoursPerDay, 6));

    /// <summary>The organisation as a tree: a unit's own id and every unit below it (areas by parent, grids by area).</summary>
    private sealed class UnitTree(IReadOnlyList<UnitInfo> units)
    {
        private readonly ILookup<Guid, Guid> children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);

        public IEnumerable<Guid> SelfAndBelow(Guid id)
        {
            var seen = new HashSet<Guid>();
            var stack = new Stack<Guid>([id]);
            while (stack.TryPop(out var next))
            {
                if (!seen.Add(next)) continue; // a drawing error (a cycle) must not loop forever
                yield return next;
                foreach (var child in children[next]) stack.Push(child);
            }
        }
    }
}
