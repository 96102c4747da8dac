using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Resources;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Services.Applications;

/// <summary>
/// The 办件台账 as an Excel sheet: the rows the reader's list shows (same scoping and filters, names masked the same
/// way), in the reader's language, at most <see cref="MaxRows"/>; the export itself is audited.
/// </summary>
public sealed class ApplicationExport(ApplicationService applications, IStringLocalizer<ApplicationStrings> l, IDbContextFactory<PlatformDbContext> dbs)
{
    public const int MaxRows = 20_000;

    public async Task WriteAsync(string? text, ApplicationStage? stage, bool? mine, Stream output, CancellationToken ct = default)
    {
        var rows = new List<ApplicationListItem>();
        while (rows.Count < MaxRows)
        {
            var page = await applications.ListAsync(new ApplicationQuery(text, stage, mine, rows.Count, 200), ct);
            rows.AddRange(page.Items);
            if (page.Items.Count < 200 || rows.Count >= page.Total) break;
        }
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", "Application", null, details: new { text, stage, mine, rows = rows.Count });
            await db.SaveChangesAsync(ct);
        }
        await MiniExcel.SaveAsAsync(output, rows.Select(Row), cancellationToken: ct);
    }

    private Dictionary<string, object?> Row(ApplicationListItem a) => new()
    {
        [l["Col_Number"]] = a.Number,
        [l["Col_Item"]] = a.ItemName,
        [l["Col_ItemCode"]] = a.ItemCode,
        [l["Col_Department"]] = a.DepartmentName,
        [l["Col_Applicant"]] = a.ApplicantName,
        [l["Col_Stage"]] = l["Stage_" + a.Stage].Value,
        [l["Col_Decision"]] = a.Decision is { } d ? l["Decision_" + d].Value : null,
        [l["Flag_Auto"]] = a.AutoApproved ? l["Yes"].Value : null,
        [l["Flag_Deferred"]] = a.DeferredAcceptance ? l["Yes"].Value : null,
        [l["Flag_Review"]] = a.NeedsDiscrepancyReview ? l["Yes"].Value : null,
        [l["Col_Submitted"]] = Local(a.SubmittedAt),
        [l["Col_Due"]] = Local(a.DueAt),
        [l["Col_Overdue"]] = a.Overdue ? l["Yes"].Value : null,
        [l["Col_Bundle"]] = a.BundleNumber,
    };

    private static string? Local(DateTimeOffset? at) =>
        at?.ToOffset(WorkingClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
