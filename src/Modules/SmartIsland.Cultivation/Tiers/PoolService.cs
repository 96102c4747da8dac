using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Cultivation.Resources;
using SmartIsland.Enterprises.Features;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Rules.Engine;
using SmartIsland.Rules.Features;

namespace SmartIsland.Cultivation.Tiers;

public enum PoolSort
{
    Rank,
    Name,
    Closeness,
    EnteredAt,
}

public sealed record PoolTab(string Code, LocalizedText Title, int Count);

public sealed record PoolOverview(IReadOnlyList<PoolTab> Pools, ScreeningSummary? LastRun, ScreeningState? Running, decimal MinCloseness, int SettingsVersion);

public sealed record PoolRow(
    Guid EnterpriseId, string Name, string CreditCode, Guid? ParkId, string? ParkName, int? Rank, decimal Closeness, string Outcome,
    bool AddedByHand, string? ResponsibleName, string MainGaps, int PlanActions, int PlanDone, DateTimeOffset EnteredAt);

public sealed record PoolPage(string Code, IReadOnlyList<PoolRow> Items, int Total, int Page, int PageSize);

public sealed record PlanActionView(string Title, string Owner, DateOnly? DueOn, bool Done);

public sealed record PoolEventView(DateTimeOffset At, string Kind, int? FromRank, int? ToRank, decimal? Closeness, bool ByScreening, string? ActorName, string? Reason);

public sealed record PoolEntryView(
    string Code, LocalizedText Title, Guid EnterpriseId, string Name, string CreditCode, string? ParkName, bool InPool, int? Rank,
    decimal Closeness, string Outcome, bool AddedByHand, bool RemovedByHand, string? HandReason, Guid? ResponsibleUserId, string? ResponsibleName,
    DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, int Version, int? Year, string? SetVersion, DateTimeOffset? EvaluatedAt,
    IReadOnlyList<GapItem> Gaps, IReadOnlyList<string> GapWordsZh, IReadOnlyList<PlanActionView> Plan, IReadOnlyList<PoolEventView> History);

/// <summary>One pool an enterprise sits in, as its own portal shows it.</summary>
public sealed record EnterprisePool(string Code, LocalizedText Title, int? Rank, int PoolSize, decimal Closeness, string? ResponsibleName, IReadOnlyList<string> MainGaps, IReadOnlyList<PlanActionView> Plan);

public sealed record PlanInput(int Version, Guid? ResponsibleUserId, List<PlanActionView>? Actions, string? Reason);

public sealed record HandAddInput(Guid EnterpriseId, string? Reason);

public sealed record SettingsInput(decimal MinCloseness, int Version, string? Reason);

public sealed record StaffChoice(Guid Id, string Name);

/// <summary>
/// The reserve pools (后备培育库) per tier: ranked lists, entries with their responsible person and one-enterprise
/// plan (一企一策), hand additions and removals with reasons, and the zone's minimum closeness. Staff read; admins
/// and department staff change pools; the responsible person and chief service officers also edit plans.
/// </summary>
public sealed class PoolService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider clock, IRuleSetCatalog catalog, IEnterpriseProfiles profiles,
    IOrganisationDirectory organisation, ScreeningProgress progress, IStringLocalizer<PoolStrings> l)
{
    public const string ReadRule = "pools.read: zone staff read the reserve pools; an enterprise user reads only its own entries";
    public const string EditRule = "pools.edit: administrators and department staff add, remove and assign pool entries and change the minimum closeness";
    public const string PlanRule = "pools.plan: the responsible person, chief service officers, administrators and department staff edit a plan";

    private static readonly string[] Editors = [Roles.Admin, Roles.DepartmentStaff];

    private Guid Zone => user.ZoneId ?? throw new ForbiddenException("zone: a zone is required", l["NoZone"]);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private void DemandStaff()
    {
        if (!user.IsInAnyRole([.. Roles.Staff])) throw new ForbiddenException(ReadRule, l["ForbiddenRead"]);
    }

    private void DemandEditor()
    {
        if (!user.IsInAnyRole(Editors)) throw new ForbiddenException(EditRule, l["ForbiddenEdit"]);
    }

    /// <summary>The tier codes with a pool: the tier rule sets in force today, in display order.</summary>
    public async Task<IReadOnlyList<(string Code, LocalizedText Title)>> TiersAsync(CancellationToken ct = default) =>
        (await catalog.InForceAsync(Zone, Today, ct)).Where(s => TierFacts.TitleOf(s.Definition.Code) is not null)
            .Select(s => (s.Definition.Code, s.Definition.Title)).ToList();

    private async Task<LocalizedText> TitleAsync(string code, CancellationToken ct) =>
        (await TiersAsync(ct)).Where(t => t.Code == code).Select(t => t.Title).FirstOrDefault()
        ?? throw new NotFoundException(l["UnknownPool", code]);

    public async Task<PoolOverview> OverviewAsync(CancellationToken ct = default)
    {
        DemandStaff();
        var tiers = await TiersAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = await db.Set<PoolEntry>().AsNoTracking().Where(e => e.LeftAt == null).GroupBy(e => e.Code)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var last = await db.Set<ScreeningRun>().AsNoTracking().Where(r => r.Status != ScreeningStatus.Running)
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
        var settings = await db.Set<PoolSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
        return new PoolOverview(tiers.Select(t => new PoolTab(t.Code, t.Title, counts.GetValueOrDefault(t.Code))).ToList(),
            last is null ? null : ScreeningSummary.Of(last), progress.Of(Zone),
            settings?.MinCloseness ?? PoolSettings.DefaultMinCloseness, settings?.Version ?? 0);
    }

    public async Task<PoolPage> ListAsync(string code, string? search, PoolSort sort, bool desc, int page, int pageSize, CancellationToken ct = default)
    {
        DemandStaff();
        await TitleAsync(code, ct);
        if (page < 1) throw new ValidationFailedException("page", l["PageRange"]);
        if (pageSize is < 1 or > 500) throw new ValidationFailedException("pageSize", l["PageSizeRange"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<PoolEntry>().AsNoTracking().Where(e => e.Code == code && e.LeftAt == null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            var like = $"%{s}%";
            var codeLike = $"%{s.ToUpperInvariant()}%";
            q = q.Where(e => EF.Functions.Like(e.EnterpriseName, like) || EF.Functions.Like(e.CreditCode, codeLike));
        }
        var total = await q.CountAsync(ct);
        q = (sort, desc) switch
        {
            (PoolSort.Name, false) => q.OrderBy(e => e.EnterpriseName),
            (PoolSort.Name, true) => q.OrderByDescending(e => e.EnterpriseName),
            (PoolSort.Closeness, false) => q.OrderBy(e => e.Closeness).ThenBy(e => e.Rank),
            (PoolSort.Closeness, true) => q.OrderByDescending(e => e.Closeness).ThenBy(e => e.Rank),
            (PoolSort.EnteredAt, false) => q.OrderBy(e => e.EnteredAt).ThenBy(e => e.Rank),
            (PoolSort.EnteredAt, true) => q.OrderByDescending(e => e.EnteredAt).ThenBy(e => e.Rank),
            (_, true) => q.OrderByDescending(e => e.Rank),
            _ => q.OrderBy(e => e.Rank),
        };
        var entries = await q.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PoolPage(code, await RowsAsync(db, code, entries, english: false, ct), total, page, pageSize);
    }

    /// <summary>Rows as lists and the export show them: park name, main gaps in words, plan progress.</summary>
    internal async Task<List<PoolRow>> RowsAsync(PlatformDbContext db, string code, List<PoolEntry> entries, bool english, CancellationToken ct)
    {
        var ids = entries.Select(e => e.EnterpriseId).ToList();
        var entryIds = entries.Select(e => e.Id).ToList();
        var gaps = await db.Set<TierStanding>().AsNoTracking().Where(s => s.Code == code && ids.Contains(s.EnterpriseId))
            .ToDictionaryAsync(s => s.EnterpriseId, s => s.Gaps, ct);
        var plans = (await db.Set<PlanAction>().AsNoTracking().Where(a => entryIds.Contains(a.EntryId)).Select(a => new { a.EntryId, a.Done }).ToListAsync(ct))
            .ToLookup(a => a.EntryId);
        var parks = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        return entries.Select(e => new PoolRow(
            e.EnterpriseId, e.EnterpriseName, e.CreditCode, e.ParkId, e.ParkId is { } p ? parks.GetValueOrDefault(p) : null, e.Rank, e.Closeness,
            e.Outcome, e.AddedByHand, e.ResponsibleName, GapWords.Summary(GapWords.Parse(gaps.GetValueOrDefault(e.EnterpriseId)), english),
            plans[e.Id].Count(), plans[e.Id].Count(a => a.Done), e.EnteredAt)).ToList();
    }

    public async Task<PoolEntryView> EntryAsync(string code, Guid enterpriseId, CancellationToken ct = default)
    {
        if (!user.IsInAnyRole([.. Roles.Staff]) && !(user.IsInRole(Roles.EnterpriseUser) && user.EnterpriseId == enterpriseId))
            throw new ForbiddenException(ReadRule, l["ForbiddenRead"]);
        var title = await TitleAsync(code, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var e = await db.Set<PoolEntry>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == code && x.EnterpriseId == enterpriseId, ct)
            ?? throw new NotFoundException(l["EntryNotFound"]);
        var standing = await db.Set<TierStanding>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == code && s.EnterpriseId == enterpriseId, ct);
        var plan = await db.Set<PlanAction>().AsNoTracking().Where(a => a.EntryId == e.Id).OrderBy(a => a.Sort)
            .Select(a => new PlanActionView(a.Title, a.Owner, a.DueOn, a.Done)).ToListAsync(ct);
        var history = (await db.Set<PoolEvent>().AsNoTracking().Where(h => h.Code == code && h.EnterpriseId == enterpriseId).ToListAsync(ct))
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Select(h => new PoolEventView(h.At, h.Kind, h.FromRank, h.ToRank, h.Closeness, h.RunId is not null, h.ActorName, h.Reason)).ToList();
        var parks = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        var gaps = GapWords.Parse(standing?.Gaps);
        return new PoolEntryView(code, title, e.EnterpriseId, e.EnterpriseName, e.CreditCode, e.ParkId is { } p ? parks.GetValueOrDefault(p) : null,
            e.LeftAt is null, e.Rank, e.Closeness, e.Outcome, e.AddedByHand, e.RemovedByHand, e.HandReason, e.ResponsibleUserId, e.ResponsibleName,
            e.EnteredAt, e.LeftAt, e.Version, standing?.Year, standing?.SetVersion, standing?.EvaluatedAt,
            gaps, gaps.Select(g => GapWords.Describe(g)).ToList(), plan, history);
    }

    /// <summary>The pools an enterprise is in now, for its portal (an enterprise user sees only its own).</summary>
    public async Task<IReadOnlyList<EnterprisePool>> PoolsOfEnterpriseAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        if (!user.IsInAnyRole([.. Roles.Staff]) && !(user.IsInRole(Roles.EnterpriseUser) && user.EnterpriseId == enterpriseId))
            throw new ForbiddenException(ReadRule, l["ForbiddenRead"]);
        var tiers = await TiersAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var entries = await db.Set<PoolEntry>().AsNoTracking().Where(e => e.EnterpriseId == enterpriseId && e.LeftAt == null).ToListAsync(ct);
        var codes = entries.Select(e => e.Code).ToList();
        var sizes = await db.Set<PoolEntry>().AsNoTracking().Where(e => codes.Contains(e.Code) && e.LeftAt == null).GroupBy(e => e.Code)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var gaps = await db.Set<TierStanding>().AsNoTracking().Where(s => s.EnterpriseId == enterpriseId).ToDictionaryAsync(s => s.Code, s => s.Gaps, ct);
        var entryIds = entries.Select(e => e.Id).ToList();
        var plans = (await db.Set<PlanAction>().AsNoTracking().Where(a => entryIds.Contains(a.EntryId)).OrderBy(a => a.Sort).ToListAsync(ct)).ToLookup(a => a.EntryId);
        return entries.OrderBy(e => tiers.FindIndex(t => t.Code == e.Code)).Select(e => new EnterprisePool(
            e.Code, tiers.Where(t => t.Code == e.Code).Select(t => t.Title).FirstOrDefault() ?? new LocalizedText(e.Code, e.Code), e.Rank,
            sizes.GetValueOrDefault(e.Code), e.Closeness, e.ResponsibleName,
            GapWords.Parse(gaps.GetValueOrDefault(e.Code)).Select(g => GapWords.Describe(g)).ToList(),
            plans[e.Id].Select(a => new PlanActionView(a.Title, a.Owner, a.DueOn, a.Done)).ToList())).ToList();
    }

    /// <summary>Saves the responsible person and the plan together, conditional on the entry's version (409 when stale).</summary>
    public async Task<PoolEntryView> SavePlanAsync(string code, Guid enterpriseId, PlanInput input, CancellationToken ct = default)
    {
        await TitleAsync(code, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var e = await db.Set<PoolEntry>().FirstOrDefaultAsync(x => x.Code == code && x.EnterpriseId == enterpriseId, ct)
            ?? throw new NotFoundException(l["EntryNotFound"]);
        var responsibleNow = user.UserId is { } me && e.ResponsibleUserId == me;
        if (!user.IsInAnyRole([.. Editors, Roles.ChiefServiceOfficer]) && !responsibleNow) throw new ForbiddenException(PlanRule, l["ForbiddenPlan"]);
        var errors = new ValidationErrors();
        var actions = input.Actions ?? [];
        if (actions.Count > 50) errors.Add("actions", l["TooManyActions"]);
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (string.IsNullOrWhiteSpace(a.Title)) errors.Add($"actions[{i}].title", l["ActionTitleRequired"]);
            else if (a.Title.Trim().Length > 200) errors.Add($"actions[{i}].title", l["TooLong", 200]);
            if (string.IsNullOrWhiteSpace(a.Owner)) errors.Add($"actions[{i}].owner", l["ActionOwnerRequired"]);
            else if (a.Owner.Trim().Length > 64) errors.Add($"actions[{i}].owner", l["TooLong", 64]);
            if (a.DueOn is { } due && (due.Year < 2000 || due.Year > 2100)) errors.Add($"actions[{i}].dueOn", l["DueOnRange"]);
        }
        if (input.Reason?.Trim().Length > 500) errors.Add("reason", l["TooLong", 500]);
        (Guid Id, string Name)? responsible = null;
        if (input.ResponsibleUserId != e.ResponsibleUserId)
        {
            if (!user.IsInAnyRole(Editors)) errors.Add("responsibleUserId", l["ResponsibleByEditorsOnly"]);
            else if (input.ResponsibleUserId is { } rid)
            {
                var staff = (await StaffAsync(ct)).FirstOrDefault(s => s.Id == rid);
                if (staff is null) errors.Add("responsibleUserId", l["ResponsibleNotStaff"]);
                else responsible = (staff.Id, staff.Name);
            }
        }
        errors.ThrowIfAny();
        if (e.Version != input.Version) throw new ConflictException("version", l["Stale"]);
        db.Entry(e).Property(x => x.Version).OriginalValue = input.Version;

        var now = clock.GetUtcNow();
        var actor = user.UserName;
        if (input.ResponsibleUserId != e.ResponsibleUserId)
        {
            e.ResponsibleUserId = responsible?.Id;
            e.ResponsibleName = responsible?.Name;
            db.Add(new PoolEvent { ZoneId = e.ZoneId, Code = code, EnterpriseId = enterpriseId, At = now, Kind = PoolEventKinds.ResponsibleChanged, ActorName = actor, Reason = responsible?.Name ?? "—" });
        }
        var old = await db.Set<PlanAction>().Where(a => a.EntryId == e.Id).OrderBy(a => a.Sort).ToListAsync(ct);
        var fresh = actions.Select(a => new PlanActionView(a.Title.Trim(), a.Owner.Trim(), a.DueOn, a.Done)).ToList();
        if (!old.Select(a => new PlanActionView(a.Title, a.Owner, a.DueOn, a.Done)).SequenceEqual(fresh))
        {
            db.RemoveRange(old);
            for (var i = 0; i < fresh.Count; i++)
                db.Add(new PlanAction { ZoneId = e.ZoneId, EntryId = e.Id, Sort = i, Title = fresh[i].Title, Owner = fresh[i].Owner, DueOn = fresh[i].DueOn, Done = fresh[i].Done });
            db.Add(new PoolEvent
            {
                ZoneId = e.ZoneId, Code = code, EnterpriseId = enterpriseId, At = now, Kind = PoolEventKinds.PlanChanged, ActorName = actor,
                Reason = string.IsNullOrWhiteSpace(input.Reason) ? $"{fresh.Count(a => a.Done)}/{fresh.Count}" : input.Reason.Trim(),
            });
        }
        // The entry's version guards the plan as a whole: touching the entry makes a stale save fail.
        e.PlanUpdatedAt = now;
        db.AuditReason = string.IsNullOrWhiteSpace(input.Reason) ? "pool plan saved" : input.Reason.Trim();
        await SaveAsync(db, ct);
        return await EntryAsync(code, enterpriseId, ct);
    }

    /// <summary>Adds an enterprise to a pool by hand, with a reason; screening keeps it there until it qualifies or holds the title.</summary>
    public async Task<PoolEntryView> AddByHandAsync(string code, HandAddInput input, CancellationToken ct = default)
    {
        DemandEditor();
        await TitleAsync(code, ct);
        var reason = Reason(input.Reason);
        var p = await profiles.GetAsync(input.EnterpriseId, ct);
        if (p is null) throw new ValidationFailedException("enterpriseId", l["EnterpriseNotFound"]);
        if (TierFacts.TitleOf(code) is { } title && p.Qualifications.Any(q => q.Kind == title && q.IsValidOn(Today)))
            throw new ValidationFailedException("enterpriseId", l["AlreadyHoldsTitle"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var e = await db.Set<PoolEntry>().FirstOrDefaultAsync(x => x.Code == code && x.EnterpriseId == p.Id, ct);
        if (e is { LeftAt: null }) throw new ConflictException("enterpriseId", l["AlreadyInPool"]);
        var standing = await db.Set<TierStanding>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == code && s.EnterpriseId == p.Id, ct);
        if (e is null)
        {
            e = new PoolEntry { ZoneId = p.ZoneId, Code = code, EnterpriseId = p.Id };
            db.Add(e);
        }
        e.EnterpriseName = p.Name;
        e.CreditCode = p.CreditCode;
        e.ParkId = p.ParkId;
        e.Closeness = standing?.Closeness ?? 0;
        e.Outcome = standing?.Outcome ?? nameof(Outcome.NeedsConfirmation);
        e.AddedByHand = true;
        e.RemovedByHand = false;
        e.HandReason = reason;
        e.EnteredAt = now;
        e.LeftAt = null;
        await RerankAsync(db, code, e, now, user.UserName, ct);
        db.Add(new PoolEvent { ZoneId = e.ZoneId, Code = code, EnterpriseId = p.Id, At = now, Kind = PoolEventKinds.Entered, ToRank = e.Rank, Closeness = e.Closeness, ActorName = user.UserName, Reason = reason });
        db.AuditReason = reason;
        await SaveAsync(db, ct);
        return await EntryAsync(code, p.Id, ct);
    }

    /// <summary>Takes an enterprise out of a pool by hand, with a reason; screening does not bring it back.</summary>
    public async Task RemoveByHandAsync(string code, Guid enterpriseId, string? reasonText, CancellationToken ct = default)
    {
        DemandEditor();
        await TitleAsync(code, ct);
        var reason = Reason(reasonText);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var e = await db.Set<PoolEntry>().FirstOrDefaultAsync(x => x.Code == code && x.EnterpriseId == enterpriseId && x.LeftAt == null, ct)
            ?? throw new NotFoundException(l["EntryNotFound"]);
        var now = clock.GetUtcNow();
        db.Add(new PoolEvent { ZoneId = e.ZoneId, Code = code, EnterpriseId = enterpriseId, At = now, Kind = PoolEventKinds.Left, FromRank = e.Rank, Closeness = e.Closeness, ActorName = user.UserName, Reason = reason });
        e.LeftAt = now;
        e.Rank = null;
        e.RemovedByHand = true;
        e.AddedByHand = false;
        e.HandReason = reason;
        await RerankAsync(db, code, null, now, user.UserName, ct);
        db.AuditReason = reason;
        await SaveAsync(db, ct);
    }

    public async Task<PoolOverview> SaveSettingsAsync(SettingsInput input, CancellationToken ct = default)
    {
        DemandEditor();
        var reason = Reason(input.Reason);
        if (input.MinCloseness is < 0.5m or > 1m) throw new ValidationFailedException("minCloseness", l["MinClosenessRange"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var s = await db.Set<PoolSettings>().FirstOrDefaultAsync(ct);
        if (s is null)
        {
            if (input.Version != 0) throw new ConflictException("version", l["Stale"]);
            // Version 0 stands for "the default, never saved"; the first saved row is version 1.
            s = new PoolSettings { ZoneId = Zone, Version = 1 };
            db.Add(s);
        }
        else
        {
            if (s.Version != input.Version) throw new ConflictException("version", l["Stale"]);
            db.Entry(s).Property(x => x.Version).OriginalValue = input.Version;
        }
        s.MinCloseness = Math.Round(input.MinCloseness, 4);
        db.AuditReason = reason;
        await SaveAsync(db, ct);
        return await OverviewAsync(ct);
    }

    /// <summary>Staff of the zone who can be made responsible for an entry.</summary>
    public async Task<IReadOnlyList<StaffChoice>> StaffAsync(CancellationToken ct = default)
    {
        DemandStaff();
        var zone = Zone;
        var roles = new[] { Roles.Admin, Roles.DepartmentStaff, Roles.ParkStaff, Roles.ChiefServiceOfficer };
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.ZoneId == zone && roles.Contains(r.Name!)
                          select new { u.Id, u.DisplayName }).ToListAsync(ct);
        return rows.DistinctBy(r => r.Id).Select(r => new StaffChoice(r.Id, r.DisplayName)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Ranks the code's pool again after a hand change (the same order screening uses).</summary>
    private static async Task RerankAsync(PlatformDbContext db, string code, PoolEntry? added, DateTimeOffset now, string? actor, CancellationToken ct)
    {
        var pool = await db.Set<PoolEntry>().Where(x => x.Code == code && x.LeftAt == null).ToListAsync(ct);
        if (added is not null && !pool.Contains(added)) pool.Add(added);
        var rank = 0;
        foreach (var x in TierScreening.Ranked(pool.Where(x => x.LeftAt == null)))
        {
            rank++;
            if (x.Rank is { } old && old != rank && x != added)
                db.Add(new PoolEvent { ZoneId = x.ZoneId, Code = code, EnterpriseId = x.EnterpriseId, At = now, Kind = PoolEventKinds.RankChanged, FromRank = old, ToRank = rank, Closeness = x.Closeness, ActorName = actor, Reason = "rerank" });
            x.Rank = rank;
        }
    }

    private string Reason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationFailedException("reason", l["ReasonRequired"]);
        if (reason.Trim().Length > 500) throw new ValidationFailedException("reason", l["TooLong", 500]);
        return reason.Trim();
    }

    private async Task SaveAsync(PlatformDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["Stale"]);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new ConflictException("enterpriseId", l["AlreadyInPool"]);
        }
    }
}

internal static class ListExtensions
{
    public static int FindIndex<T>(this IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = 0; i < list.Count; i++)
            if (match(list[i])) return i;
        return int.MaxValue;
    }
}
