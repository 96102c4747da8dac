using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Resources;
using SmartIsland.Platform.Data;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Cases.Metrics;

/// <summary>The ranking and the overdue report as Excel ledgers, headed in the reader's language; each export is audited.</summary>
public sealed class CaseMetricsExport(CaseMetricsService metrics, IStringLocalizer<MetricsStrings> l, IStringLocalizer<CaseStrings> caseStrings, IDbContextFactory<PlatformDbContext> dbs)
{
    public async Task WriteRankingAsync(MetricsQuery query, Stream output, CancellationToken ct = default)
    {
        var report = await metrics.ReportAsync(query, ct);
        await RecordAsync("CaseMetrics", query, ct);
        var rows = report.Units.Select(u => new Dictionary<string, object?>
        {
            [l["Rank"]] = u.Rank,
            [l["Unit"]] = u.Name,
            [l["Received"]] = u.Received,
            [l["Closed"]] = u.Closed,
            [l["ClosureRate"]] = Percent(u.ClosureRate),
            [l["OnTimeRate"]] = Percent(u.OnTimeRate),
            [l["MedianHours"]] = u.MedianHandlingHours,
            [l["P90Hours"]] = u.P90HandlingHours,
            [l["SatisfactionRate"]] = Percent(u.SatisfactionRate),
            [l["AverageRating"]] = u.AverageRating,
            [l["OverdueNow"]] = u.OverdueNow,
            [l["Score"]] = u.Score,
            [l["Period"]] = $"{report.From:yyyy-MM-dd} ~ {report.To:yyyy-MM-dd}",
        }).ToList();
        if (rows.Count == 0) rows.Add(new Dictionary<string, object?> { [l["Rank"]] = null, [l["Unit"]] = null });
        await MiniExcel.SaveAsAsync(output, rows, cancellationToken: ct);
    }

    public async Task WriteOverdueAsync(Stream output, CancellationToken ct = default)
    {
        var report = await metrics.OverdueReportAsync(ct);
        await RecordAsync("OverdueReport", new { report.AsOf, report.Total }, ct);
        var rows = report.Cases.Select(c => new Dictionary<string, object?>
        {
            [l["Unit"]] = c.UnitName ?? l["IntakeDesk"].Value,
            [l["TrackingCode"]] = c.TrackingCode,
            [l["Type"]] = c.TypeName,
            [l["Category"]] = c.CategoryName,
            [l["Description"]] = c.Description,
            [l["Address"]] = c.Address,
            [l["State"]] = caseStrings["State_" + c.State].Value,
            [l["Submitted"]] = c.SubmittedAt.ToOffset(WorkingClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm"),
            [l["Due"]] = c.Due.ToOffset(WorkingClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm"),
            [l["OverdueDays"]] = c.OverdueWorkingDays,
            [l["OverdueHours"]] = c.OverdueWorkingHours,
            [l["Escalation"]] = c.EscalationLevel,
        }).ToList();
        if (rows.Count == 0) rows.Add(new Dictionary<string, object?> { [l["Unit"]] = null, [l["TrackingCode"]] = null });
        await MiniExcel.SaveAsAsync(output, rows, cancellationToken: ct);
    }

    /// <summary>A percentage with one decimal, as leaders read it (ui.md).</summary>
    private static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;

    /// <summary>Taking figures out of the platform is recorded, with what was asked for.</summary>
    private async Task RecordAsync(string what, object details, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.RecordAction("Export", what, null, details: details);
        await db.SaveChangesAsync(ct);
    }
}
