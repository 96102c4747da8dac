using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Cultivation.Resources;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Cultivation.Performance;

/// <summary>
/// A period's results as an Excel ledger for the departments that apply the differentiated policies: rank, enterprise and
/// credit code, total, grade, each indicator's value and points, then the policy of the grade on each lever. Audited.
/// </summary>
public sealed class PerformanceExport(PerformanceService performance, IEnterpriseProfiles profiles, IDbContextFactory<PlatformDbContext> dbs, IStringLocalizer<PerformanceStrings> l)
{
    public async Task WriteAsync(string period, bool english, Stream output, CancellationToken ct = default)
    {
        var results = await performance.ResultsAsync(new PerformanceQuery(period, PageSize: 500), ct)
            ?? throw new NotFoundException(l["NoRunForPeriod", period]);
        var all = new List<PerformanceRow>(results.Items);
        for (var page = 2; all.Count < results.Total; page++)
            all.AddRange((await performance.ResultsAsync(new PerformanceQuery(period, Page: page, PageSize: 500), ct))!.Items);
        var policies = (await performance.PoliciesAsync(ct)).ToLookup(p => p.Grade);
        var wanted = all.Select(r => r.EnterpriseId).ToHashSet();
        var codes = new Dictionary<Guid, string>();
        await foreach (var p in profiles.StreamZoneAsync(ct))
        {
            if (wanted.Contains(p.Id)) codes[p.Id] = p.CreditCode;
        }

        var rows = all.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                [l["Rank"]] = r.Rank,
                [l["Enterprise"]] = r.Name,
                [l["CreditCode"]] = codes.GetValueOrDefault(r.EnterpriseId),
                [l["Total"]] = r.Total,
                [l["Grade"]] = r.Excluded ? $"{r.Grade} ({l["Excluded"]})" : r.Grade,
            };
            foreach (var ind in results.Indicators)
            {
                var item = r.Items.FirstOrDefault(i => i.Key == ind.Key);
                var title = english ? ind.TitleEn : ind.TitleZh;
                row[$"{title} ({ind.Unit})"] = item?.Value;
                row[$"{title} {l["Points"]}"] = item?.Points;
            }
            foreach (var lever in Enum.GetValues<PolicyLever>())
            {
                var policy = r.Grade is null ? null : policies[r.Grade].FirstOrDefault(p => p.Lever == lever);
                row[l["Lever_" + lever]] = policy is null ? null : english && policy.TextEn.Length > 0 ? policy.TextEn : policy.TextZh;
            }
            row[l["Period"]] = results.Run.Period;
            return row;
        }).ToList();
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", "PerMuEvaluation", results.Run.Id.ToString(), details: new { results.Run.Period, Rows = rows.Count });
            await db.SaveChangesAsync(ct);
        }
        await MiniExcel.SaveAsAsync(output, rows, cancellationToken: ct);
    }
}
