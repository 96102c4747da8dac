using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Catalogue;

namespace SmartIsland.Services.Guide;

/// <summary>
/// The guide's search index: per zone, the published items with lowercase haystacks (name, code, keywords,
/// department, material names, conditions), searched by ordinal substring. Substring search is what finds 两字 words
/// ("门头", "发票", "通行"): SQLite's trigram FTS silently finds nothing under three characters and pg_trgm rechecks
/// every row for them (shared/stack.md), while 10,000 items × a few hundred characters scan in about a millisecond.
/// <para>
/// Freshness: catalogue edits may land on any node (several nodes share one database), so the index does not wait for
/// an in-process event. At most every the check interval a request compares a cheap stamp (count and version
/// sums of the zone's items and materials, count of their links: three aggregate queries over indexed tables) with the
/// index's and rebuilds only when it moved. An edit that leaves every sum unchanged (swapping one item's material for
/// another without touching the item row) is caught by <see cref="MaxAge"/>. Searches never wait for a rebuild when
/// an older index exists: one request rebuilds, the others keep reading the old one.
/// </para>
/// </summary>
public sealed class GuideIndex(TimeProvider time, IConfiguration config)
{
    /// <summary>How often the stamp is compared; <c>Guide:IndexCheckSeconds</c> (tests use 0: every search checks).</summary>
    private readonly TimeSpan checkInterval = TimeSpan.FromSeconds(config.GetValue("Guide:IndexCheckSeconds", 5.0));
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, Snapshot> snapshots = new();
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> rebuilding = new();
    private readonly ConcurrentDictionary<string, Guid> zones = new(StringComparer.Ordinal);

    internal sealed record Entry(
        GuideSearchHit Hit, string Name, string Code, string Keywords, string Department, string[] Materials,
        string[] MaterialNames, string[] Conditions, string[] ConditionTexts, string All);

    /// <summary>
    /// The entries, and all their haystacks in one string (<see cref="Starts"/>: where each entry's part begins), so the
    /// first term is found by one vectorised scan that jumps from match to match instead of 10,000 separate calls.
    /// </summary>
    internal sealed record Index(Entry[] Entries, string Corpus, int[] Starts)
    {
        public static Index Of(Entry[] entries)
        {
            var corpus = new System.Text.StringBuilder();
            var starts = new int[entries.Length];
            for (var n = 0; n < entries.Length; n++)
            {
                starts[n] = corpus.Length;
                corpus.Append(entries[n].All).Append(EntrySeparator);
            }
            return new Index(entries, corpus.ToString(), starts);
        }
    }

    /// <summary>Between fields of an entry and between entries; search terms never contain control characters.</summary>
    private const char FieldSeparator = '\u0001', EntrySeparator = '\u0002';

    internal sealed record Snapshot((int, long, int, long, int) Stamp, Index Index, DateTimeOffset BuiltAt, DateTimeOffset CheckedAt);

    /// <summary>The zone of a division code, remembered once found (zones are not renamed or removed).</summary>
    internal async Task<Guid?> ZoneAsync(string division, Func<Task<Guid?>> lookup)
    {
        if (zones.TryGetValue(division, out var id)) return id;
        if (await lookup() is not { } found) return null;
        zones[division] = found;
        return found;
    }

    /// <summary>
    /// The zone's index, current within the check interval. <paramref name="open"/> gives a context filtered to the zone;
    /// it is opened only when the stamp is due, so most searches touch no database at all.
    /// </summary>
    internal async Task<Index> EntriesAsync(Guid zoneId, Func<Task<PlatformDbContext>> open, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        snapshots.TryGetValue(zoneId, out var current);
        if (current is not null && now - current.CheckedAt < checkInterval) return current.Index;

        var gate = rebuilding.GetOrAdd(zoneId, _ => new SemaphoreSlim(1, 1));
        if (current is not null)
        {
            if (!await gate.WaitAsync(0, ct)) return current.Index;
        }
        else
        {
            await gate.WaitAsync(ct);
        }
        try
        {
            snapshots.TryGetValue(zoneId, out current);
            if (current is not null && now - current.CheckedAt < checkInterval) return current.Index;
            await using var db = await open();
            var stamp = await StampAsync(db, ct);
            if (current is not null && current.Stamp == stamp && now - current.BuiltAt < MaxAge)
            {
                snapshots[zoneId] = current with { CheckedAt = now };
                return current.Index;
            }
            var index = Index.Of(await BuildAsync(db, ct));
            snapshots[zoneId] = new Snapshot(stamp, index, now, now);
            return index;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<(int, long, int, long, int)> StampAsync(PlatformDbContext db, CancellationToken ct)
    {
        var items = db.Set<ServiceItem>().AsNoTracking();
        var materials = db.Set<Material>().AsNoTracking();
        var itemCount = await items.CountAsync(ct);
        var itemVersions = itemCount == 0 ? 0 : await items.SumAsync(i => (long)i.Version, ct);
        var materialCount = await materials.CountAsync(ct);
        var materialVersions = materialCount == 0 ? 0 : await materials.SumAsync(m => (long)m.Version, ct);
        var links = await db.Set<ItemMaterial>().AsNoTracking().CountAsync(ct);
        return (itemCount, itemVersions, materialCount, materialVersions, links);
    }

    private static async Task<Entry[]> BuildAsync(PlatformDbContext db, CancellationToken ct)
    {
        var items = await db.Set<ServiceItem>().AsNoTracking().Where(i => i.Published)
            .Select(i => new
            {
                i.Id, i.Code, i.Name, i.NameEn, i.Kind, i.DepartmentName, i.PromisedLimitDays, i.Channels, i.Keywords, i.Conditions,
            })
            .ToListAsync(ct);
        var names = await db.Set<Material>().AsNoTracking().Select(m => new { m.Id, m.Name, m.NameEn }).ToDictionaryAsync(m => m.Id, ct);
        var links = (await db.Set<ItemMaterial>().AsNoTracking().Select(l => new { l.ItemId, l.MaterialId, l.SortOrder }).ToListAsync(ct))
            .GroupBy(l => l.ItemId)
            .ToDictionary(g => g.Key, g => g.OrderBy(l => l.SortOrder).Select(l => l.MaterialId).ToList());
        var entries = new Entry[items.Count];
        for (var n = 0; n < items.Count; n++)
        {
            var i = items[n];
            var materialNames = links.TryGetValue(i.Id, out var ids)
                ? ids.Where(names.ContainsKey).Select(id => names[id]).Select(m => m.NameEn is null ? m.Name : m.Name + " " + m.NameEn).ToArray()
                : [];
            var conditionTexts = i.Conditions.Select(c => c.Text).ToArray();
            var name = Lower(i.NameEn is null ? i.Name : i.Name + " " + i.NameEn);
            var code = Lower(i.Code);
            var keywords = Lower(i.Keywords ?? "");
            var department = Lower(i.DepartmentName);
            var materials = materialNames.Select(Lower).ToArray();
            var conditions = conditionTexts.Select(Lower).ToArray();
            // One string for the first pass (does the term occur at all?); the separator never occurs in a term.
            var all = string.Join(FieldSeparator, [name, code, keywords, department, .. materials, .. conditions]);
            entries[n] = new Entry(
                new GuideSearchHit(i.Code, i.Name, i.NameEn, i.Kind, i.DepartmentName, i.PromisedLimitDays, i.Channels, GuideMatch.Name, null),
                name, code, keywords, department, materials, materialNames, conditions, conditionTexts, all);
        }
        // A stable order for equal scores: by code.
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Code, b.Code));
        return entries;
    }

    /// <summary>This node changed the zone's catalogue: the next search rebuilds (other nodes follow by the stamp).</summary>
    public void Forget(Guid zoneId) => snapshots.TryRemove(zoneId, out _);

    internal static string Lower(string text) => text.ToLowerInvariant();

    /// <summary>
    /// Every term must occur somewhere; an item ranks by where its terms occur (name before code, keywords, department,
    /// materials, conditions), a name that starts with or equals the term ranks higher, and shorter names before longer.
    /// </summary>
    internal static GuideSearchResult Search(Index index, string query, int limit)
    {
        var terms = Lower(new string(query.Where(c => !char.IsControl(c)).ToArray()))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0) return new GuideSearchResult(query, 0, []);
        // The best `limit` hits in a heap whose head is the worst kept: a common word ("许可") matches thousands of items
        // and only a page of them is shown, so they are not all sorted.
        var worstFirst = Comparer<Hit>.Create((a, b) => Rank(b, a));
        var best = new PriorityQueue<Hit, Hit>(limit + 1, worstFirst);
        var total = 0;
        var corpus = index.Corpus;
        var position = 0;
        while (position < corpus.Length)
        {
            var found = corpus.IndexOf(terms[0], position, StringComparison.Ordinal);
            if (found < 0) break;
            var n = Array.BinarySearch(index.Starts, found);
            if (n < 0) n = ~n - 1;
            position = n + 1 < index.Starts.Length ? index.Starts[n + 1] : corpus.Length;
            var e = index.Entries[n];
            var score = 0;
            GuideMatch? first = null;
            string? text = null;
            foreach (var term in terms)
            {
                if (!ReferenceEquals(term, terms[0]) && !e.All.Contains(term, StringComparison.Ordinal)) { score = -1; break; }
                var (s, m, t) = Score(e, term);
                if (s == 0) { score = -1; break; } // only across a separator: not a real occurrence
                score += s;
                if (first is null) { first = m; text = t; }
            }
            if (score <= 0) continue;
            total++;
            var hit = new Hit(e, score, first!.Value, text);
            if (best.Count < limit) best.Enqueue(hit, hit);
            else if (Rank(hit, best.Peek()) < 0) best.DequeueEnqueue(hit, hit);
        }
        var top = new List<Hit>(best.Count);
        while (best.TryDequeue(out var h, out _)) top.Add(h);
        top.Reverse();
        return new GuideSearchResult(query, total, top.Select(h => h.Entry.Hit with { MatchedIn = h.Match, MatchedText = h.Text }).ToList());
    }

    private sealed record Hit(Entry Entry, int Score, GuideMatch Match, string? Text);

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>: higher score, shorter name, then code.</summary>
    private static int Rank(Hit a, Hit b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score)
        : a.Entry.Name.Length != b.Entry.Name.Length ? a.Entry.Name.Length.CompareTo(b.Entry.Name.Length)
        : string.CompareOrdinal(a.Entry.Code, b.Entry.Code);

    private static (int Score, GuideMatch Match, string? Text) Score(Entry e, string term)
    {
        if (e.Name.Contains(term, StringComparison.Ordinal))
            return (e.Name == term ? 1000 : e.Name.StartsWith(term, StringComparison.Ordinal) ? 800 : 600, GuideMatch.Name, null);
        if (e.Code.Contains(term, StringComparison.Ordinal)) return (500, GuideMatch.Code, null);
        if (e.Keywords.Contains(term, StringComparison.Ordinal)) return (400, GuideMatch.Keywords, null);
        if (e.Department.Contains(term, StringComparison.Ordinal)) return (300, GuideMatch.Department, null);
        for (var n = 0; n < e.Materials.Length; n++)
            if (e.Materials[n].Contains(term, StringComparison.Ordinal)) return (200, GuideMatch.Material, e.MaterialNames[n]);
        for (var n = 0; n < e.Conditions.Length; n++)
            if (e.Conditions[n].Contains(term, StringComparison.Ordinal)) return (100, GuideMatch.Condition, e.ConditionTexts[n]);
        return (0, GuideMatch.Name, null);
    }
}
