using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Cultivation.Resources;
using SmartIsland.Platform.Data;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>A pool as an Excel ledger: rank, enterprise, park, closeness, the main gaps in words, who is responsible, the plan.</summary>
public sealed class PoolExport(PoolService pools, IDbContextFactory<PlatformDbContext> dbs, IStringLocalizer<PoolStrings> l)
{
    public async Task WriteAsync(string code, string? search, Stream output, CancellationToken ct = default)
    {
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
        // The page check (staff only, a known pool) and the rows come from the same place as the list on screen.
        _ = await pools.ListAsync(code, search, PoolSort.Rank, false, 1, 1, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.RecordAction("Export", nameof(PoolEntry), code, details: new { code, search });
        await db.SaveChangesAsync(ct);

        var q = db.Set<PoolEntry>().AsNoTracking().Where(e => e.Code == code && e.LeftAt == null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            var like = $"%{s}%";
            var codeLike = $"%{s.ToUpperInvariant()}%";
            q = q.Where(e => EF.Functions.Like(e.EnterpriseName, like) || EF.Functions.Like(e.CreditCode, codeLike));
        }
        var entries = await q.OrderBy(e => e.Rank).ToListAsync(ct);
        var rows = await pools.RowsAsync(db, code, entries, english, ct);
        var entryIds = entries.Select(e => e.Id).ToList();
        var plans = (await db.Set<PlanAction>().AsNoTracking().Where(a => entryIds.Contains(a.EntryId)).ToListAsync(ct))
            .ToLookup(a => a.EntryId);
        var table = new List<Dictionary<string, object?>>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (e, r) = (entries[i], rows[i]);
            var plan = plans[e.Id].OrderBy(a => a.Sort)
                .Select(a => $"{(a.Done ? "✓" : "○")} {a.Title}（{a.Owner}{(a.DueOn is { } d ? " " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}）");
            table.Add(new Dictionary<string, object?>
            {
                [l["Rank"]] = r.Rank,
                [l["Enterprise"]] = r.Name,
                [l["CreditCode"]] = r.CreditCode,
                [l["Park"]] = r.ParkName,
                [l["Closeness"]] = Math.Round(r.Closeness * 100, 1),
                [l["MainGaps"]] = r.MainGaps,
                [l["Responsible"]] = r.ResponsibleName,
                [l["Plan"]] = string.Join("；", plan),
            });
        }
        if (table.Count == 0) table.Add(new Dictionary<string, object?> { [l["Rank"]] = null, [l["Enterprise"]] = null });
        await MiniExcel.SaveAsAsync(output, table, cancellationToken: ct);
    }
}
