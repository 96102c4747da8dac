using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Cultivation.Resources;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Scoring.Engine;
using SmartIsland.Scoring.Features;

namespace SmartIsland.Cultivation.Performance;

/// <summary>
/// 亩均效益 / 企业绩效综合评价: the zone's scheme (kept by the scoring module), runs per year (the grade) or quarter
/// (monitoring), results, differentiated policies per grade and the enterprises left out of grading. Enterprise figures
/// are read only through <see cref="IEnterpriseProfiles"/>. A quarter is scored on the enterprises' reported
/// year-to-date figures, annualised; an enterprise that reported none for it is scored on its year's figures, and the
/// run says how many were.
/// </summary>
public sealed class PerformanceService(
    IScoringService scoring, IEnterpriseProfiles profiles, IEnterpriseDirectory directory, IDbContextFactory<PlatformDbContext> dbs,
    ICurrentUser user, TimeProvider clock, IStringLocalizer<PerformanceStrings> l)
{
    private static readonly DateOnly DefaultEffectiveFrom = new(2000, 1, 1);

    /// <summary>How many names of enterprises without figures a run returns (all are counted).</summary>
    public const int WithoutFiguresListed = 200;

    public bool CanManage => PerformanceAccess.CanManage(user);

    // ---- scheme ----

    public async Task<PerformanceSchemeView> GetSchemeAsync(CancellationToken ct = default)
    {
        PerformanceAccess.DemandRead(user, l["ForbiddenRead"]);
        var stored = await scoring.GetSchemeAsync(PerformanceDefaults.SchemeKey, null, ct);
        return stored is null
            ? new PerformanceSchemeView(0, true, DefaultEffectiveFrom, null, PerformanceDefaults.Scheme, null, PerMuIndicators.All)
            : new PerformanceSchemeView(stored.Revision, false, stored.EffectiveFrom, stored.EffectiveTo, stored.Definition, stored.CreatedAt, PerMuIndicators.All);
    }

    public async Task<PerformanceSchemeView> SaveSchemeAsync(PerformanceSchemeInput input, CancellationToken ct = default)
    {
        PerformanceAccess.DemandManage(user, l["ForbiddenManage"]);
        var errors = new ValidationErrors();
        if (input.Definition is null) errors.Add("definition", l["Required"]);
        if (input.Revision is null or < 0) errors.Add("revision", l["RevisionRequired"]);
        for (var i = 0; i < (input.Definition?.Indicators.Count ?? 0); i++)
        {
            var key = input.Definition!.Indicators[i].Key;
            if (PerMuIndicators.Find(key) is null) errors.Add($"indicators[{i}].key", l["UnknownIndicator", key ?? "", string.Join(", ", PerMuIndicators.All.Select(x => x.Key))]);
        }
        errors.ThrowIfAny();
        // A per-mu score is out of 100 whatever the zone's weights: the scoring module checks the sum.
        var definition = input.Definition! with { WeightTotal = 100m };
        await scoring.SaveSchemeAsync(
            new SchemeInput(PerformanceDefaults.SchemeKey, "亩均效益综合评价", "Per-mu efficiency evaluation", input.EffectiveFrom ?? DefaultEffectiveFrom, input.EffectiveTo, definition),
            input.Revision == 0 ? null : input.Revision, input.Reason, ct);
        return await GetSchemeAsync(ct);
    }

    private async Task EnsureSchemeAsync(CancellationToken ct)
    {
        if (await scoring.GetSchemeAsync(PerformanceDefaults.SchemeKey, null, ct) is not null) return;
        try
        {
            await scoring.SaveSchemeAsync(new SchemeInput(PerformanceDefaults.SchemeKey, "亩均效益综合评价", "Per-mu efficiency evaluation",
                DefaultEffectiveFrom, null, PerformanceDefaults.Scheme), null, "default per-mu scheme (illustrative)", ct);
        }
        catch (ConflictException)
        {
            // someone else stored it at the same moment: theirs is used
        }
    }

    // ---- runs ----

    public static bool TryParsePeriod(string? text, out ScoringPeriod period) => ScoringPeriod.TryParse(text, out period) && !period.IsMonth;

    private ScoringPeriod ParsePeriod(string? text)
    {
        if (!TryParsePeriod(text, out var period)) throw new ValidationFailedException("period", l["PeriodInvalid", text ?? ""]);
        var now = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var current = new ScoringPeriod(now.Year, (now.Month + 2) / 3);
        if (period.Year > current.Year || (period.Year == current.Year && period.Quarter > current.Quarter))
            throw new ValidationFailedException("period", l["PeriodFuture", period.ToString()]);
        return period;
    }

    public async Task<PerformanceRunOutcome> RunAsync(PerformanceRunInput input, CancellationToken ct = default)
    {
        PerformanceAccess.DemandManage(user, l["ForbiddenManage"]);
        var period = ParsePeriod(input.Period);
        await EnsureSchemeAsync(ct);
        var scheme = await scoring.GetSchemeAsync(PerformanceDefaults.SchemeKey, period.LastDay, ct)
            ?? throw new ValidationFailedException("period", l["NoSchemeForPeriod", period.ToString()]);
        var exclusions = await ExclusionsByEnterpriseAsync(ct);

        var units = new List<UnitInput>();
        var without = new List<string>();
        var yearlyForQuarter = 0;
        YearFigures? QuarterFiguresOf(EnterpriseProfile p, ScoringPeriod q)
        {
            if (Annualised(p, q) is { } annual) return annual;
            var yearly = p.Years.FirstOrDefault(y => y.Year == q.Year);
            if (yearly is not null) yearlyForQuarter++;
            return yearly;
        }
        await foreach (var p in profiles.StreamZoneAsync(ct))
        {
            var figures = period.IsYear ? p.Years.FirstOrDefault(y => y.Year == period.Year) : QuarterFiguresOf(p, period);
            if (figures is null)
            {
                without.Add(p.Name);
                continue;
            }
            var values = new Dictionary<string, decimal?>();
            var missing = new Dictionary<string, string>();
            foreach (var ind in scheme.Definition.Indicators)
            {
                var (value, reason) = PerMuIndicators.Find(ind.Key)!.Compute(figures);
                values[ind.Key] = value;
                if (reason is not null) missing[ind.Key] = reason;
            }
            exclusions.TryGetValue(p.Id, out var exclusion);
            units.Add(new UnitInput { UnitId = p.Id, Name = p.Name, Values = values, MissingReasons = missing, Excluded = exclusion is not null, ExcludedReason = exclusion });
        }
        if (units.Count == 0) throw new ValidationFailedException("period", l["NoFigures", period.Year]);
        var run = await scoring.RunAsync(PerformanceDefaults.SchemeKey, period, units,
            period.IsYear ? $"per-mu evaluation {period}" : $"per-mu monitoring {period} (quarterly year-to-date figures annualised; yearly figures where none were reported: {yearlyForQuarter})", ct);
        return new PerformanceRunOutcome(run.Run, period.Year, !period.IsYear && yearlyForQuarter > 0, units.Count, without.Count,
            without.Order(StringComparer.Ordinal).Take(WithoutFiguresListed).ToList());
    }

    public async Task<IReadOnlyList<RunSummary>> RunsAsync(CancellationToken ct = default)
    {
        PerformanceAccess.DemandRead(user, l["ForbiddenRead"]);
        return await scoring.RunsAsync(PerformanceDefaults.SchemeKey, ct);
    }

    public async Task<PerformanceResults?> ResultsAsync(PerformanceQuery query, CancellationToken ct = default)
    {
        PerformanceAccess.DemandRead(user, l["ForbiddenRead"]);
        if (!TryParsePeriod(query.Period, out var period)) throw new ValidationFailedException("period", l["PeriodInvalid", query.Period ?? ""]);
        var run = await scoring.LatestRunAsync(PerformanceDefaults.SchemeKey, period, ct);
        if (run is null) return null;
        var scheme = (await scoring.RevisionsAsync(PerformanceDefaults.SchemeKey, ct)).FirstOrDefault(s => s.Revision == run.Run.SchemeRevision);
        IEnumerable<UnitScore> rows = run.Results;
        if (!string.IsNullOrWhiteSpace(query.Search)) rows = rows.Where(r => r.Name.Contains(query.Search.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(query.Grade)) rows = rows.Where(r => r.Grade == query.Grade);
        rows = query.Sort switch
        {
            PerformanceSort.Name => query.Desc ? rows.OrderByDescending(r => r.Name, StringComparer.Ordinal) : rows.OrderBy(r => r.Name, StringComparer.Ordinal),
            PerformanceSort.Total => query.Desc ? rows.OrderByDescending(r => r.Total).ThenBy(r => r.Name, StringComparer.Ordinal) : rows.OrderBy(r => r.Total).ThenBy(r => r.Name, StringComparer.Ordinal),
            _ => query.Desc
                ? rows.OrderBy(r => r.Excluded).ThenByDescending(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal)
                : rows.OrderBy(r => r.Excluded).ThenBy(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal),
        };
        var list = rows.ToList();
        var size = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(1, query.Page);
        var items = list.Skip((page - 1) * size).Take(size).Select(ToRow).ToList();
        return new PerformanceResults(run.Run, scheme?.Definition.Indicators ?? [], items, list.Count, page, size);
    }

    private PerformanceRow ToRow(UnitScore s) => new(
        s.UnitId, s.Name, s.Rank, s.Total, s.Bonus, s.Penalty, s.Grade, s.Excluded, s.ExcludedReason,
        s.Indicators.Select(i => new PerformanceItem(i.Key, i.Value, i.Points, i.Missing, i.AverageUsed,
            i.MissingReason is null ? null : l[i.MissingReason].Value)).ToList());

    // ---- grade card ----

    public async Task<GradeCard> CardAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        if (!PerformanceAccess.CanReadCard(user, enterpriseId)) throw new ForbiddenException(PerformanceAccess.ReadRule, l["ForbiddenRead"]);
        _ = await directory.FindAsync(enterpriseId, ct) ?? throw new NotFoundException(l["EnterpriseNotFound"]);
        var history = (await scoring.HistoryAsync(PerformanceDefaults.SchemeKey, enterpriseId, ct))
            .Select(h => new GradeCardEntry(h.Period, h.Grade, h.Total, h.Rank, h.GradedCount, h.Excluded, h.RunAt)).ToList();
        var yearly = history.FirstOrDefault(h => !h.Period.Contains('Q', StringComparison.Ordinal));
        var monitoring = history.FirstOrDefault(h => h.Period.Contains('Q', StringComparison.Ordinal));
        var policies = yearly?.Grade is { } grade ? (await PoliciesInternalAsync(ct)).Where(p => p.Grade == grade).ToList() : [];
        return new GradeCard(enterpriseId, yearly, monitoring, policies, history);
    }

    // ---- policies ----

    public async Task<IReadOnlyList<PolicyView>> PoliciesAsync(CancellationToken ct = default)
    {
        if (!PerformanceAccess.CanRead(user) && user.EnterpriseId is null) throw new ForbiddenException(PerformanceAccess.ReadRule, l["ForbiddenRead"]);
        return await PoliciesInternalAsync(ct);
    }

    /// <summary>Stored text where staff wrote it, the illustrative default elsewhere, for every grade of the scheme × every lever.</summary>
    private async Task<IReadOnlyList<PolicyView>> PoliciesInternalAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var stored = await db.Set<GradePolicy>().AsNoTracking().ToListAsync(ct);
        var grades = ((await scoring.GetSchemeAsync(PerformanceDefaults.SchemeKey, null, ct))?.Definition ?? PerformanceDefaults.Scheme).Grades.Select(g => g.Grade).ToList();
        foreach (var g in stored.Select(s => s.Grade).Distinct().Where(g => !grades.Contains(g))) grades.Add(g);
        return grades.SelectMany(g => Enum.GetValues<PolicyLever>().Select(lever =>
        {
            var row = stored.FirstOrDefault(s => s.Grade == g && s.Lever == lever);
            if (row is not null) return new PolicyView(g, lever, row.TextZh, row.TextEn, row.Illustrative, row.Version);
            var d = PerformanceDefaults.Policies.FirstOrDefault(p => p.Grade == g && p.Lever == lever);
            return new PolicyView(g, lever, d.Zh ?? "", d.En ?? "", d.Zh is not null, 0);
        })).ToList();
    }

    public async Task<PolicyView> SavePolicyAsync(string grade, PolicyLever lever, PolicyInput input, CancellationToken ct = default)
    {
        PerformanceAccess.DemandManage(user, l["ForbiddenManage"]);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(grade) || grade.Length > 16) errors.Add("grade", l["GradeInvalid"]);
        if (!Enum.IsDefined(lever)) errors.Add("lever", l["LeverInvalid"]);
        if (string.IsNullOrWhiteSpace(input.TextZh)) errors.Add("textZh", l["Required"]);
        else if (input.TextZh.Trim().Length > PerformanceLimits.PolicyTextMax) errors.Add("textZh", l["TooLong", PerformanceLimits.PolicyTextMax]);
        if (input.TextEn?.Trim().Length > PerformanceLimits.PolicyTextMax) errors.Add("textEn", l["TooLong", PerformanceLimits.PolicyTextMax]);
        if (input.Version is null or < 0) errors.Add("version", l["VersionRequired"]);
        errors.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Set<GradePolicy>().FirstOrDefaultAsync(p => p.Grade == grade && p.Lever == lever, ct);
        if (row is null)
        {
            if (input.Version != 0) throw new ConflictException("version", l["ConcurrencyConflict"]);
            // Version 1 from the first save, so the unsaved default (0) and the stored row are never mistaken for each other.
            row = new GradePolicy { Grade = grade, Lever = lever, Version = 1 };
            db.Add(row);
        }
        else
        {
            if (row.Version != input.Version) throw new ConflictException("version", l["ConcurrencyConflict"]);
            db.Entry(row).Property(r => r.Version).OriginalValue = input.Version.Value;
        }
        row.TextZh = input.TextZh!.Trim();
        row.TextEn = input.TextEn?.Trim() ?? "";
        row.Illustrative = false;
        db.AuditReason = string.IsNullOrWhiteSpace(input.Reason) ? $"per-mu policy {grade} {lever}" : input.Reason.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new ConflictException("version", l["ConcurrencyConflict"]);
        }
        return new PolicyView(row.Grade, row.Lever, row.TextZh, row.TextEn, row.Illustrative, row.Version);
    }

    // ---- exclusions (不定等级) ----

    private async Task<Dictionary<Guid, string>> ExclusionsByEnterpriseAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<GradingExclusion>().AsNoTracking().ToDictionaryAsync(e => e.EnterpriseId, e => e.Reason, ct);
    }

    public async Task<IReadOnlyList<ExclusionView>> ExclusionsAsync(CancellationToken ct = default)
    {
        PerformanceAccess.DemandRead(user, l["ForbiddenRead"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Set<GradingExclusion>().AsNoTracking().ToListAsync(ct);
        var names = await directory.NamesAsync(rows.Select(r => r.EnterpriseId).ToList(), ct);
        return rows.Select(r => new ExclusionView(r.EnterpriseId, names.GetValueOrDefault(r.EnterpriseId, ""), r.Reason, r.Version))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<ExclusionView> ExcludeAsync(ExclusionInput input, CancellationToken ct = default)
    {
        PerformanceAccess.DemandManage(user, l["ForbiddenManage"]);
        var errors = new ValidationErrors();
        if (input.EnterpriseId is null) errors.Add("enterpriseId", l["Required"]);
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", l["Required"]);
        else if (input.Reason.Trim().Length > PerformanceLimits.ReasonMax) errors.Add("reason", l["TooLong", PerformanceLimits.ReasonMax]);
        errors.ThrowIfAny();
        var enterprise = await directory.FindAsync(input.EnterpriseId!.Value, ct) ?? throw new NotFoundException(l["EnterpriseNotFound"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Set<GradingExclusion>().AnyAsync(e => e.EnterpriseId == enterprise.Id, ct))
            throw new ConflictException("enterpriseId", l["AlreadyExcluded", enterprise.Name]);
        var row = new GradingExclusion { EnterpriseId = enterprise.Id, Reason = input.Reason!.Trim() };
        db.Add(row);
        db.AuditReason = $"不定等级: {row.Reason}";
        await db.SaveChangesAsync(ct);
        return new ExclusionView(enterprise.Id, enterprise.Name, row.Reason, row.Version);
    }

    public async Task RemoveExclusionAsync(Guid enterpriseId, string? reason, CancellationToken ct = default)
    {
        PerformanceAccess.DemandManage(user, l["ForbiddenManage"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Set<GradingExclusion>().FirstOrDefaultAsync(e => e.EnterpriseId == enterpriseId, ct) ?? throw new NotFoundException(l["ExclusionNotFound"]);
        db.Remove(row);
        db.AuditReason = string.IsNullOrWhiteSpace(reason) ? "graded again" : reason.Trim();
        await db.SaveChangesAsync(ct);
    }

    internal static string Number(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// A quarter's year-to-date figures scaled to a year (×4/q) so the yearly benchmarks apply: 亩均税收 in Q2 is the
    /// half-year's tax × 2 over the land. Land and staff are not flows: land from the latest yearly figures up to
    /// that year, staff as reported for the period. Null when the enterprise did not report that quarter.
    /// </summary>
    internal static YearFigures? Annualised(EnterpriseProfile p, ScoringPeriod period)
    {
        var q = p.Quarters.FirstOrDefault(x => x.Year == period.Year && x.Quarter == period.Quarter);
        if (q is null) return null;
        decimal factor = 4m / q.Quarter;
        var land = p.Years.Where(y => y.Year <= period.Year && y.LandMu is not null).OrderByDescending(y => y.Year).FirstOrDefault()?.LandMu;
        return new YearFigures
        {
            Year = period.Year, Revenue = q.Revenue * factor, MainBusinessRevenue = q.MainBusinessRevenue * factor, TaxPaid = q.TaxPaid * factor,
            ValueAdded = q.ValueAdded * factor, RdExpense = q.RdExpense * factor, EnergyUseTce = q.EnergyUseTce * factor,
            Employees = q.Employees, LandMu = land,
        };
    }
}
