using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Scoring.Domain;
using SmartIsland.Scoring.Engine;
using SmartIsland.Scoring.Resources;

namespace SmartIsland.Scoring.Features;

internal sealed class ScoringService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider clock, IStringLocalizer<ScoringStrings> l) : IScoringService
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<SchemeView> SaveSchemeAsync(SchemeInput input, int? expectedRevision, string? reason, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(input);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var latest = await db.Set<ScoringScheme>().Where(s => s.Key == input.Key).MaxAsync(s => (int?)s.Revision, cancellationToken);
        if (latest != expectedRevision) throw new ConflictException("revision", l["RevisionChanged", latest ?? 0]);
        var row = NewRow(input, (latest ?? 0) + 1, clock.GetUtcNow(), user.UserId);
        db.Add(row);
        db.AuditReason = string.IsNullOrWhiteSpace(reason) ? $"scoring scheme {input.Key} revision {row.Revision}" : reason.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new ConflictException("revision", l["RevisionChanged", row.Revision]);
        }
        return ToView(row);
    }

    private void ThrowIfInvalid(SchemeInput input)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Key) || input.Key.Length > 64) errors.Add("key", l["KeyInvalid"]);
        if (string.IsNullOrWhiteSpace(input.TitleZh)) errors.Add("titleZh", l["TitleRequired"]);
        if (string.IsNullOrWhiteSpace(input.TitleEn)) errors.Add("titleEn", l["TitleRequired"]);
        if (input.EffectiveTo is { } to && to < input.EffectiveFrom) errors.Add("effectiveTo", l["EffectiveToBeforeFrom"]);
        foreach (var p in SchemeValidator.Validate(input.Definition)) errors.Add(p.Field, l[p.Code, p.Args]);
        errors.ThrowIfAny();
    }

    /// <summary>For module seeders: the first revision of a scheme in the context's zone, if the zone has none.</summary>
    internal static async Task<bool> EnsureSchemeAsync(PlatformDbContext db, Guid zoneId, SchemeInput input, DateTimeOffset now, CancellationToken ct)
    {
        if (SchemeValidator.Validate(input.Definition).Count > 0) throw new ArgumentException("the seeded scheme is invalid", nameof(input));
        if (await db.Set<ScoringScheme>().IgnoreQueryFilters().AnyAsync(s => s.ZoneId == zoneId && s.Key == input.Key, ct)) return false;
        var row = NewRow(input, 1, now, null);
        row.ZoneId = zoneId;
        db.Add(row);
        return true;
    }

    private static ScoringScheme NewRow(SchemeInput input, int revision, DateTimeOffset now, Guid? by) => new()
    {
        Key = input.Key.Trim(), Revision = revision, TitleZh = input.TitleZh.Trim(), TitleEn = input.TitleEn.Trim(),
        EffectiveFrom = input.EffectiveFrom, EffectiveTo = input.EffectiveTo,
        Definition = JsonSerializer.Serialize(input.Definition, Json), CreatedAt = now, CreatedBy = by,
    };

    public async Task<SchemeView?> GetSchemeAsync(string key, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var row = await InForceAsync(db, key, on, cancellationToken);
        return row is null ? null : ToView(row);
    }

    private static Task<ScoringScheme?> InForceAsync(PlatformDbContext db, string key, DateOnly? on, CancellationToken ct)
    {
        var q = db.Set<ScoringScheme>().AsNoTracking().Where(s => s.Key == key);
        if (on is { } day) q = q.Where(s => s.EffectiveFrom <= day && (s.EffectiveTo == null || s.EffectiveTo >= day));
        return q.OrderByDescending(s => s.Revision).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<SchemeView>> RevisionsAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<ScoringScheme>().AsNoTracking().Where(s => s.Key == key).OrderByDescending(s => s.Revision).ToListAsync(cancellationToken);
        return rows.Select(ToView).ToList();
    }

    public async Task<RunView> RunAsync(string key, ScoringPeriod period, IReadOnlyList<UnitInput> units, string? reason, CancellationToken cancellationToken = default)
    {
        if (units.Count == 0) throw new ValidationFailedException("units", l["NoUnits", period.ToString()]);
        if (units.Select(u => u.UnitId).Distinct().Count() != units.Count) throw new ValidationFailedException("units", l["DuplicateUnit"]);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var scheme = await InForceAsync(db, key, period.LastDay, cancellationToken)
            ?? throw new ValidationFailedException("period", l["NoSchemeInForce", key, period.ToString()]);
        var definition = JsonSerializer.Deserialize<SchemeDefinition>(scheme.Definition, Json)!;
        var scores = ScoringEngine.Score(definition, units);

        var run = new ScoringRun
        {
            SchemeId = scheme.Id, SchemeKey = key, SchemeRevision = scheme.Revision, Period = period.ToString(),
            RunAt = clock.GetUtcNow(), RunBy = user.UserId, RunByName = user.UserName,
            UnitCount = scores.Count, GradedCount = scores.Count(s => !s.Excluded),
        };
        db.Add(run);
        foreach (var s in scores)
        {
            db.Add(new ScoringResult
            {
                ZoneId = scheme.ZoneId, RunId = run.Id, UnitId = s.UnitId, UnitName = Trim(s.Name, 200), Total = s.Total, Bonus = s.Bonus,
                Penalty = s.Penalty, Rank = s.Rank, Grade = s.Grade, Excluded = s.Excluded, ExcludedReason = s.ExcludedReason is null ? null : Trim(s.ExcludedReason, 200),
                Indicators = JsonSerializer.Serialize(s.Indicators, Json),
            });
        }
        run.ZoneId = scheme.ZoneId;
        db.AuditReason = string.IsNullOrWhiteSpace(reason) ? $"scoring run {key} {period}" : reason.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return new RunView(Summary(run, scores.Select(s => s.Grade)), scores);
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];

    public async Task<RunView?> LatestRunAsync(string key, ScoringPeriod period, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var p = period.ToString();
        var run = await db.Set<ScoringRun>().AsNoTracking().Where(r => r.SchemeKey == key && r.Period == p)
            .OrderByDescending(r => r.RunAt).FirstOrDefaultAsync(cancellationToken);
        if (run is null) return null;
        var rows = await db.Set<ScoringResult>().AsNoTracking().Where(r => r.RunId == run.Id).ToListAsync(cancellationToken);
        var scores = rows.Select(r => new UnitScore(r.UnitId, r.UnitName, JsonSerializer.Deserialize<List<IndicatorScore>>(r.Indicators, Json)!,
                r.Bonus, r.Penalty, r.Total, r.Rank, r.Grade, r.Excluded, r.ExcludedReason))
            .OrderBy(s => s.Excluded).ThenBy(s => s.Rank).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        return new RunView(Summary(run, scores.Select(s => s.Grade)), scores);
    }

    public async Task<IReadOnlyList<RunSummary>> RunsAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var runs = await db.Set<ScoringRun>().AsNoTracking().Where(r => r.SchemeKey == key).ToListAsync(cancellationToken);
        var ids = runs.Select(r => r.Id).ToList();
        var grades = (await db.Set<ScoringResult>().AsNoTracking().Where(r => ids.Contains(r.RunId))
                .GroupBy(r => new { r.RunId, r.Grade }).Select(g => new { g.Key.RunId, g.Key.Grade, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToLookup(g => g.RunId);
        return runs.OrderByDescending(r => r.RunAt)
            .Select(r => Summary(r, grades[r.Id].SelectMany(g => Enumerable.Repeat(g.Grade, g.Count)))).ToList();
    }

    public async Task<IReadOnlyList<UnitHistoryItem>> HistoryAsync(string key, Guid unitId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var rows = await (from r in db.Set<ScoringResult>().AsNoTracking()
                          join run in db.Set<ScoringRun>().AsNoTracking() on r.RunId equals run.Id
                          where r.UnitId == unitId && run.SchemeKey == key
                          select new { run.Period, r.RunId, run.RunAt, run.SchemeRevision, r.Total, r.Rank, run.GradedCount, r.Grade, r.Excluded })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Period).Select(g => g.OrderByDescending(r => r.RunAt).First())
            .OrderByDescending(r => r.Period, StringComparer.Ordinal)
            .Select(r => new UnitHistoryItem(r.Period, r.RunId, r.RunAt, r.SchemeRevision, r.Total, r.Rank, r.GradedCount, r.Grade, r.Excluded))
            .ToList();
    }

    private static RunSummary Summary(ScoringRun run, IEnumerable<string?> grades) =>
        new(run.Id, run.SchemeKey, run.SchemeRevision, run.Period, run.RunAt, run.RunByName, run.UnitCount, run.GradedCount,
            grades.Where(g => g is not null).GroupBy(g => g!).ToDictionary(g => g.Key, g => g.Count()));

    private static SchemeView ToView(ScoringScheme s) =>
        new(s.Id, s.Key, s.Revision, s.TitleZh, s.TitleEn, s.EffectiveFrom, s.EffectiveTo, JsonSerializer.Deserialize<SchemeDefinition>(s.Definition, Json)!, s.CreatedAt);
}
