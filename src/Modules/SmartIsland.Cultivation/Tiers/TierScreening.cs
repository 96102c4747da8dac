using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using SmartIsland.Cultivation.Resources;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Rules.Engine;
using SmartIsland.Rules.Features;

namespace SmartIsland.Cultivation.Tiers;

public sealed record ScreeningSummary(
    Guid RunId, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Trigger, string? TriggeredBy,
    int Enterprises, int Evaluations, int Eligible, int NotEligible, int NeedsConfirmation, int Entered, int Left,
    long EvaluateMs, long WriteMs, string? Error)
{
    internal static ScreeningSummary Of(ScreeningRun r) => new(
        r.Id, r.Status, r.StartedAt, r.FinishedAt, r.Trigger, r.TriggeredBy, r.Enterprises, r.Evaluations, r.Eligible,
        r.NotEligible, r.NeedsConfirmation, r.Entered, r.Left, r.EvaluateMs, r.WriteMs, r.Error);
}

/// <summary>How far a zone's running screening has got, for the page's progress bar.</summary>
public sealed record ScreeningState(Guid RunId, string Phase, int Done, int Expected, DateTimeOffset StartedAt);

/// <summary>One screening per zone at a time on this node, and where it has got (a singleton).</summary>
public sealed class ScreeningProgress
{
    private readonly ConcurrentDictionary<Guid, ScreeningState> running = new();

    public ScreeningState? Of(Guid zoneId) => running.TryGetValue(zoneId, out var s) ? s : null;

    internal bool TryBegin(Guid zoneId, ScreeningState state) => running.TryAdd(zoneId, state);

    internal void Report(Guid zoneId, ScreeningState state) => running[zoneId] = state;

    internal void End(Guid zoneId) => running.TryRemove(zoneId, out _);
}

/// <summary>
/// Evaluates every enterprise of the current zone against every tier rule set in force (issue 4 §3), stores each
/// standing, and keeps the reserve pools. Evaluation runs in parallel batch by batch while the next batch is read:
/// compiled rule sets are immutable and each evaluation has its own context.
/// </summary>
public sealed class TierScreening(
    IEnterpriseProfiles profiles, IRuleSetCatalog catalog, IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user,
    TimeProvider clock, ScreeningProgress progress, IStringLocalizer<PoolStrings> l, ILogger<TierScreening> log)
{
    public const string ScreenRule = "pools.screen: only administrators and department staff start a screening by hand";
    private const int BatchSize = 2_000;

    private sealed record Head(Guid Id, string Name, string CreditCode, Guid? ParkId, HashSet<QualificationKind> Held);

    public async Task<ScreeningSummary> RunAsync(string trigger, CancellationToken ct = default)
    {
        var zone = user.ZoneId ?? throw new ForbiddenException("zone: a zone is required", l["NoZone"]);
        if (trigger != ScreeningTriggers.Nightly && !user.IsInAnyRole(Roles.Admin, Roles.DepartmentStaff))
            throw new ForbiddenException(ScreenRule, l["ForbiddenScreen"]);
        var started = clock.GetUtcNow();
        var run = new ScreeningRun { ZoneId = zone, StartedAt = started, Trigger = trigger, TriggeredBy = user.UserName };
        if (!progress.TryBegin(zone, new ScreeningState(run.Id, "starting", 0, 0, started)))
            throw new ConflictException("screening", l["ScreeningRunning"]);
        try
        {
            int expected;
            await using (var db = await dbs.CreateDbContextAsync(ct))
            {
                expected = await db.Set<ScreeningRun>().AsNoTracking().Where(r => r.Status == ScreeningStatus.Done)
                    .OrderByDescending(r => r.StartedAt).Select(r => r.Enterprises).FirstOrDefaultAsync(ct);
                db.Add(run);
                db.AuditReason = $"tier screening started ({trigger})";
                await db.SaveChangesAsync(ct);
            }
            try
            {
                return await ScreenAsync(zone, run, expected, ct);
            }
            catch (Exception e)
            {
                log.LogError(e, "Tier screening of zone {Zone} failed", zone);
                await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
                var row = await db.Set<ScreeningRun>().FirstAsync(r => r.Id == run.Id, CancellationToken.None);
                row.Status = ScreeningStatus.Failed;
                row.FinishedAt = clock.GetUtcNow();
                row.Error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                db.AuditReason = "tier screening failed";
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }
        }
        finally
        {
            progress.End(zone);
        }
    }

    private async Task<ScreeningSummary> ScreenAsync(Guid zone, ScreeningRun run, int expected, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var year = TierFacts.DefaultYear(today);
        var sets = (await catalog.InForceAsync(zone, today, ct)).Where(s => TierFacts.TitleOf(s.Definition.Code) is not null).ToList();

        var heads = new List<Head>();
        var standings = new List<TierStanding>();
        var evaluating = Stopwatch.StartNew();
        long evaluateTicks = 0;
        var batch = new List<EnterpriseProfile>(BatchSize);
        Task<(Head[] Heads, TierStanding[] Rows, long Ticks)>? pending = null;

        async Task CollectAsync()
        {
            if (pending is null) return;
            var (h, rows, ticks) = await pending;
            heads.AddRange(h);
            standings.AddRange(rows);
            evaluateTicks += ticks;
            pending = null;
            progress.Report(zone, new ScreeningState(run.Id, "evaluating", heads.Count, expected, run.StartedAt));
        }

        await foreach (var p in profiles.StreamZoneAsync(ct))
        {
            batch.Add(p);
            if (batch.Count < BatchSize) continue;
            await CollectAsync();
            var chunk = batch.ToArray();
            batch.Clear();
            // Evaluate this batch on the pool while the next one is read from the database.
            pending = Task.Run(() => Evaluate(chunk, sets, today, year, now, zone, run.Id), ct);
        }
        await CollectAsync();
        if (batch.Count > 0)
        {
            pending = Task.Run(() => Evaluate([.. batch], sets, today, year, now, zone, run.Id), ct);
            await CollectAsync();
        }
        evaluating.Stop();
        log.LogInformation("Screened {Enterprises} enterprises × {Sets} sets: {Evaluate} ms evaluating, {Total} ms with reading",
            heads.Count, sets.Count, evaluateTicks / TimeSpan.TicksPerMillisecond, evaluating.ElapsedMilliseconds);

        progress.Report(zone, new ScreeningState(run.Id, "writing", heads.Count, expected, run.StartedAt));
        var writing = Stopwatch.StartNew();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using (var tx = await db.BeginAuditedTransactionAsync(ct))
        {
            await db.Set<TierStanding>().Where(s => s.ZoneId == zone).ExecuteDeleteAsync(ct);
            await RowWriter.InsertAsync(db, standings, ct);
            var min = await db.Set<PoolSettings>().AsNoTracking().Select(s => (decimal?)s.MinCloseness).FirstOrDefaultAsync(ct) ?? PoolSettings.DefaultMinCloseness;
            var (entered, left) = await KeepPoolsAsync(db, zone, run.Id, sets.Select(s => s.Definition.Code).ToList(), heads, standings, min, now, ct);

            var row = await db.Set<ScreeningRun>().FirstAsync(r => r.Id == run.Id, ct);
            row.Enterprises = heads.Count;
            row.Evaluations = standings.Count;
            row.Eligible = standings.Count(s => s.Outcome == nameof(Outcome.Eligible));
            row.NotEligible = standings.Count(s => s.Outcome == nameof(Outcome.NotEligible));
            row.NeedsConfirmation = standings.Count(s => s.Outcome == nameof(Outcome.NeedsConfirmation));
            row.Entered = entered;
            row.Left = left;
            row.EvaluateMs = evaluateTicks / TimeSpan.TicksPerMillisecond;
            row.Status = ScreeningStatus.Done;
            row.FinishedAt = clock.GetUtcNow();
            // Up to here: standings and new pool rows written; the audited entry updates below are a further cost.
            row.WriteMs = writing.ElapsedMilliseconds;
            // The standings are a derived snapshot: one audit entry says what was replaced, with the counts.
            db.RecordAction("Screen", nameof(TierStanding), run.Id.ToString(), details: new
            {
                row.Enterprises, row.Evaluations, row.Eligible, row.NotEligible, row.NeedsConfirmation, row.Entered, row.Left,
                Sets = sets.Select(s => $"{s.Definition.Code}@{s.Definition.Version}").ToList(),
            });
            db.AuditReason = $"tier screening ({run.Trigger})";
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            run = row;
            log.LogInformation("Screening run {Run} written in {Ms} ms ({Entered} entered, {Left} left the pools)", run.Id, writing.ElapsedMilliseconds, entered, left);
        }
        return ScreeningSummary.Of(run);
    }

    private static (Head[] Heads, TierStanding[] Rows, long Ticks) Evaluate(
        EnterpriseProfile[] batch, List<CompiledRuleSet> sets, DateOnly today, int year, DateTimeOffset now, Guid zone, Guid runId)
    {
        var started = Stopwatch.GetTimestamp();
        var heads = new Head[batch.Length];
        var rows = new TierStanding[batch.Length * sets.Count];
        Parallel.For(0, batch.Length, i =>
        {
            var p = batch[i];
            heads[i] = new Head(p.Id, p.Name, p.CreditCode, p.ParkId, p.Qualifications.Where(q => q.IsValidOn(today)).Select(q => q.Kind).ToHashSet());
            var sheet = TierFacts.From(p, today, year);
            for (var s = 0; s < sets.Count; s++)
            {
                var r = sets[s].Evaluate(sheet);
                rows[i * sets.Count + s] = new TierStanding
                {
                    ZoneId = zone, EnterpriseId = p.Id, Code = r.Code, SetVersion = r.Version, Year = r.Year, Outcome = r.Outcome.ToString(),
                    ScoreLow = r.Score?.Low, ScoreHigh = r.Score?.High, Closeness = Math.Round(r.Closeness, 4),
                    Gaps = GapWords.ToJson(GapWords.From(r)), EvaluatedAt = now, RunId = runId,
                };
            }
        });
        return (heads, rows, Stopwatch.GetElapsedTime(started).Ticks);
    }

    /// <summary>
    /// Brings each tier's pool in line with the standings: candidates are enterprises without the title whose
    /// outcome is NotEligible or NeedsConfirmation with closeness at least the zone's minimum. An entry leaves when
    /// the enterprise qualifies or holds the title, or (unless added by hand) falls under the minimum. Ranks follow
    /// closeness, ties by name. Every move is written to the pool history with its reason.
    /// </summary>
    private static async Task<(int Entered, int Left)> KeepPoolsAsync(
        PlatformDbContext db, Guid zone, Guid runId, IReadOnlyList<string> codes, List<Head> heads, List<TierStanding> standings,
        decimal min, DateTimeOffset now, CancellationToken ct)
    {
        var entries = await db.Set<PoolEntry>().Where(e => e.ZoneId == zone).ToListAsync(ct);
        var byKey = entries.ToDictionary(e => (e.Code, e.EnterpriseId));
        var headById = heads.ToDictionary(h => h.Id);
        int entered = 0, left = 0;

        // New entries and every history row are bulk-written (RowWriter); changes to existing entries go through
        // the audited SaveChanges. A first screening of a large zone may put tens of thousands in the pools at once.
        var fresh = new List<PoolEntry>();
        var events = new List<PoolEvent>();
        void Event(PoolEntry e, string kind, int? from, int? to, string reason) => events.Add(new PoolEvent
        {
            ZoneId = zone, Code = e.Code, EnterpriseId = e.EnterpriseId, At = now, Kind = kind, FromRank = from, ToRank = to,
            Closeness = e.Closeness, RunId = runId, ActorName = "screening", Reason = reason,
        });

        void Leave(PoolEntry e, string reason)
        {
            Event(e, PoolEventKinds.Left, e.Rank, null, reason);
            e.LeftAt = now;
            e.Rank = null;
            left++;
        }

        var newcomers = new List<PoolEntry>();
        foreach (var s in standings)
        {
            var h = headById[s.EnterpriseId];
            var held = TierFacts.TitleOf(s.Code) is { } title && h.Held.Contains(title);
            var candidate = !held && s.Outcome != nameof(Outcome.Eligible) && s.Closeness >= min;
            if (!byKey.TryGetValue((s.Code, s.EnterpriseId), out var entry))
            {
                if (!candidate) continue;
                entry = new PoolEntry { ZoneId = zone, Code = s.Code, EnterpriseId = s.EnterpriseId, EnteredAt = now };
                Refresh(entry, h, s);
                fresh.Add(entry);
                byKey[(s.Code, s.EnterpriseId)] = entry;
                entries.Add(entry);
                newcomers.Add(entry);
                entered++;
                continue;
            }
            if (entry.LeftAt is null)
            {
                Refresh(entry, h, s);
                var why = held ? LeaveReasons.TitleHeld
                    : s.Outcome == nameof(Outcome.Eligible) ? LeaveReasons.Eligible
                    : !candidate && !entry.AddedByHand ? LeaveReasons.BelowMinimum
                    : null;
                if (why is not null) Leave(entry, why);
            }
            else if (candidate && !entry.RemovedByHand)
            {
                Refresh(entry, h, s);
                entry.LeftAt = null;
                entry.EnteredAt = now;
                entry.AddedByHand = false;
                entry.HandReason = null;
                newcomers.Add(entry);
                entered++;
            }
        }
        var screened = standings.Select(s => (s.Code, s.EnterpriseId)).ToHashSet();
        foreach (var e in entries.Where(e => e.LeftAt is null && codes.Contains(e.Code) && !screened.Contains((e.Code, e.EnterpriseId))).ToList())
            Leave(e, LeaveReasons.NotInRegistry);

        var isNew = newcomers.ToHashSet();
        foreach (var pool in entries.Where(e => e.LeftAt is null).GroupBy(e => e.Code))
        {
            var rank = 0;
            foreach (var e in Ranked(pool))
            {
                rank++;
                if (isNew.Contains(e))
                {
                    e.Rank = rank;
                    Event(e, PoolEventKinds.Entered, null, rank, LeaveReasons.Candidate);
                }
                else if (e.Rank != rank)
                {
                    if (e.Rank is not null) Event(e, PoolEventKinds.RankChanged, e.Rank, rank, "screening");
                    e.Rank = rank;
                }
            }
        }
        await RowWriter.InsertAsync(db, fresh, ct);
        await RowWriter.InsertAsync(db, events, ct);
        return (entered, left);
    }

    internal static IEnumerable<PoolEntry> Ranked(IEnumerable<PoolEntry> pool) =>
        pool.OrderByDescending(e => e.Closeness).ThenBy(e => e.EnterpriseName, StringComparer.Ordinal).ThenBy(e => e.EnterpriseId);

    private static void Refresh(PoolEntry e, Head h, TierStanding s)
    {
        e.EnterpriseName = h.Name;
        e.CreditCode = h.CreditCode;
        e.ParkId = h.ParkId;
        e.Closeness = s.Closeness;
        e.Outcome = s.Outcome;
    }
}
