using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Rules.Data;
using SmartIsland.Rules.Engine;
using SmartIsland.Rules.Resources;

namespace SmartIsland.Rules.Features;

/// <summary>A stored rule set as lists show it.</summary>
public sealed record RuleSetSummary(
    Guid Id, string Code, string Version, LocalizedText Title, string Document, DateOnly EffectiveFrom, DateOnly? EffectiveUntil,
    bool Official, bool ZoneOwn, bool Unverified, bool InForce, int RowVersion);

/// <summary>
/// The rules module's contract: which rule sets are in force for a zone on a day, compiled and cached. Other
/// modules (tiers, policies, later service auto-approval) evaluate through it and never read the table.
/// </summary>
public interface IRuleSetCatalog
{
    /// <summary>For each code, the version in force in <paramref name="zoneId"/> on <paramref name="day"/>.</summary>
    Task<IReadOnlyList<CompiledRuleSet>> InForceAsync(Guid zoneId, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>The version of one code in force; null when the code is unknown or nothing is in force that day.</summary>
    Task<CompiledRuleSet?> FindAsync(Guid zoneId, string code, DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>
/// Reads and keeps rule sets. Compiled sets are cached per zone for a minute (and dropped on this node's own
/// saves); a change made on another node is seen within that minute.
/// </summary>
public sealed class RuleSetCatalog(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider clock, IStringLocalizer<RuleStrings> l, RuleSetCache cache) : IRuleSetCatalog
{
    public const string EditRule = "rules.edit: only administrators add or change a zone's own rule sets; official sets change only with a platform release";

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<CompiledRuleSet>> InForceAsync(Guid zoneId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var (sets, zoneOwn) = await AllAsync(zoneId, cancellationToken);
        var pairs = sets.Select((s, i) => (Set: s, Zone: zoneOwn[i]));
        return RuleSetLibrary.InForce(pairs, p => p.Set.Definition, p => p.Zone, day).Select(p => p.Set).ToList();
    }

    public async Task<CompiledRuleSet?> FindAsync(Guid zoneId, string code, DateOnly day, CancellationToken cancellationToken = default) =>
        (await InForceAsync(zoneId, day, cancellationToken)).FirstOrDefault(s => s.Definition.Code == code);

    public async Task<IReadOnlyList<RuleSetSummary>> ListAsync(CancellationToken ct = default)
    {
        var zone = ZoneOrThrow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Set<RuleSetRecord>().AsNoTracking().Where(r => r.ZoneId == null || r.ZoneId == zone).ToListAsync(ct);
        var inForce = await InForceKeysAsync(zone, ct);
        return rows.Select(r => Summarize(r, RuleSetLibrary.Parse(r.Definition), inForce))
            .OrderBy(x => Array.IndexOf(RuleSetLibrary.DisplayOrder, x.Code) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(x => x.Code, StringComparer.Ordinal).ThenByDescending(x => x.EffectiveFrom)
            .ToList();
    }

    public async Task<(RuleSetSummary Summary, RuleSetDefinition Definition)> GetAsync(string code, string version, CancellationToken ct = default)
    {
        var zone = ZoneOrThrow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Set<RuleSetRecord>().AsNoTracking()
            .Where(r => r.Code == code && r.SetVersion == version && (r.ZoneId == null || r.ZoneId == zone)).ToListAsync(ct);
        var row = rows.OrderByDescending(r => r.ZoneId is not null).FirstOrDefault() ?? throw new NotFoundException(l["UnknownRuleSet", code, version]);
        var def = RuleSetLibrary.Parse(row.Definition);
        return (Summarize(row, def, await InForceKeysAsync(zone, ct)), def);
    }

    /// <summary>(code, version) of each set in force in the zone today, from the compiled cache.</summary>
    private async Task<HashSet<(string, string)>> InForceKeysAsync(Guid zone, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return (await InForceAsync(zone, today, ct)).Select(s => (s.Definition.Code, s.Definition.Version)).ToHashSet();
    }

    private static RuleSetSummary Summarize(RuleSetRecord r, RuleSetDefinition d, HashSet<(string, string)> inForce) =>
        new(r.Id, r.Code, r.SetVersion, d.Title, d.Document, r.EffectiveFrom, r.EffectiveUntil, r.Official, r.ZoneId is not null,
            d.Unverified, inForce.Contains((r.Code, r.SetVersion)), r.Version);

    /// <summary>
    /// Adds or replaces the zone's own version of a rule set (code + version). The definition must compile and name
    /// only known figures and facts; the error names the place (<c>conditions.rdRatio.threshold</c>).
    /// </summary>
    public async Task<RuleSetSummary> SaveZoneVersionAsync(string json, int? rowVersion, string? reason, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Admin)) throw new ForbiddenException(EditRule, l["ForbiddenEdit"]);
        var zone = ZoneOrThrow();
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationFailedException("reason", l["ReasonRequired"]);
        RuleSetDefinition def;
        try
        {
            def = RuleSetLibrary.Parse(json);
            RuleSetLibrary.Compile(def);
        }
        catch (RuleSetFormatException e)
        {
            throw new ValidationFailedException("definition", l["InvalidDefinition", e.Where, e.Why]);
        }
        catch (FormatException e)
        {
            throw new ValidationFailedException("definition", l["InvalidDefinition", "$", e.Message]);
        }
        if (def.Code.Length > 64 || def.Version.Length > 32) throw new ValidationFailedException("definition", l["InvalidDefinition", "code", "too long"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Set<RuleSetRecord>().AnyAsync(r => r.ZoneId == null && r.Code == def.Code && r.SetVersion == def.Version, ct))
            throw new ConflictException("version", l["VersionTakenByOfficial", def.Code, def.Version]);
        var row = await db.Set<RuleSetRecord>().FirstOrDefaultAsync(r => r.ZoneId == zone && r.Code == def.Code && r.SetVersion == def.Version, ct);
        if (row is null)
        {
            if (rowVersion is not null) throw new ConflictException("version", l["ConcurrencyConflict"]);
            row = new RuleSetRecord { ZoneId = zone, Code = def.Code, SetVersion = def.Version };
            db.Add(row);
        }
        else
        {
            if (rowVersion is null) throw new ConflictException("version", l["VersionExists", def.Code, def.Version]);
            db.Entry(row).Property(r => r.Version).OriginalValue = rowVersion.Value;
        }
        row.EffectiveFrom = def.EffectiveFrom;
        row.EffectiveUntil = def.EffectiveUntil;
        row.Definition = RuleSetLibrary.ToJson(def);
        row.UpdatedAt = clock.GetUtcNow();
        db.AuditReason = reason.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["ConcurrencyConflict"]);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new ConflictException("version", l["ConcurrencyConflict"]);
        }
        cache.Sets.TryRemove(zone, out _);
        return Summarize(row, def, await InForceKeysAsync(zone, ct));
    }

    /// <summary>Removes a zone's own version (the national one applies again). Official sets cannot be removed.</summary>
    public async Task DeleteZoneVersionAsync(string code, string version, int rowVersion, string? reason, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Admin)) throw new ForbiddenException(EditRule, l["ForbiddenEdit"]);
        var zone = ZoneOrThrow();
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationFailedException("reason", l["ReasonRequired"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Set<RuleSetRecord>().FirstOrDefaultAsync(r => r.ZoneId == zone && r.Code == code && r.SetVersion == version, ct)
            ?? throw new NotFoundException(l["UnknownRuleSet", code, version]);
        db.Entry(row).Property(r => r.Version).OriginalValue = rowVersion;
        db.Remove(row);
        db.AuditReason = reason.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["ConcurrencyConflict"]);
        }
        cache.Sets.TryRemove(zone, out _);
    }

    private async Task<(IReadOnlyList<CompiledRuleSet>, IReadOnlyList<bool>)> AllAsync(Guid zoneId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cache.Sets.TryGetValue(zoneId, out var hit) && now - hit.Loaded < CacheFor && now >= hit.Loaded) return (hit.Sets, hit.ZoneOwn);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Set<RuleSetRecord>().AsNoTracking().Where(r => r.ZoneId == null || r.ZoneId == zoneId).ToListAsync(ct);
        var sets = rows.Select(r => RuleSetLibrary.Compile(RuleSetLibrary.Parse(r.Definition))).ToList();
        var zoneOwn = rows.Select(r => r.ZoneId is not null).ToList();
        cache.Sets[zoneId] = (now, sets, zoneOwn);
        return (sets, zoneOwn);
    }

    private Guid ZoneOrThrow() => user.ZoneId ?? throw new ForbiddenException("zone: a zone is required", l["NoZone"]);
}

/// <summary>Compiled rule sets per zone, one per process (a singleton), so a request does not re-parse JSON.</summary>
public sealed class RuleSetCache
{
    internal ConcurrentDictionary<Guid, (DateTimeOffset Loaded, IReadOnlyList<CompiledRuleSet> Sets, IReadOnlyList<bool> ZoneOwn)> Sets { get; } = new();
}
