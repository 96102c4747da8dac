using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Resources;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Cases.Hazards;

/// <summary>
/// The hazard ledger as an Excel 台账 in the columns departments exchange (序号, 检查时间, 检查单位/场所,
/// 隐患描述, 隐患类别, 隐患等级, 整改方式, 整改措施, 整改责任人, 整改期限, 整改状态, 验收人, 销号时间 …).
/// A ledger is a filed document in Chinese, so its header and words are Chinese whatever the user's
/// language. No phone numbers leave the platform: none is a column, and any typed into free text is masked.
/// </summary>
public sealed partial class HazardLedgerExport(HazardService hazards, IStringLocalizer<HazardStrings> l, IDbContextFactory<PlatformDbContext> dbs)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The columns in their order, by resource key (zh-CN text is the header).</summary>
    internal static readonly string[] Columns =
    [
        "Col_No", "Col_Code", "Col_InspectedAt", "Col_Inspector", "Col_Place", "Col_Address", "Col_Description", "Col_Category",
        "Col_Level", "Col_Rectification", "Col_Measure", "Col_ResponsiblePerson", "Col_Unit", "Col_Deadline", "Col_Status",
        "Col_ResolvedAt", "Col_VerifiedBy", "Col_VerifiedAt", "Col_ClosedOutAt",
    ];

    public async Task WriteAsync(HazardQuery query, Stream output, CancellationToken ct = default)
    {
        var rows = new List<Dictionary<string, object?>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Chinese;
        try
        {
            var n = 0;
            await foreach (var h in hazards.AllAsync(query, ct))
            {
                var values = new object?[]
                {
                    ++n, h.TrackingCode, Time(h.InspectedAt), h.InspectorName, Masked(h.Place), Masked(h.Address), Masked(h.Description), h.CategoryName,
                    l["Level_" + h.Level].Value, l["Rectification_" + h.Rectification].Value, Masked(h.Measure), Masked(h.ResponsiblePerson), h.UnitName,
                    h.Deadline?.ToOffset(WorkingClock.ChinaOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    l["Status_" + h.Status].Value + (h.Overdue ? l["OverdueMark"].Value : ""),
                    Time(h.ResolvedAt), h.VerifiedBy, Time(h.VerifiedAt), Time(h.ClosedOutAt),
                };
                rows.Add(Columns.Zip(values).ToDictionary(p => l[p.First].Value, p => p.Second));
            }
            // An empty ledger still carries its header row, so the file is recognisable.
            if (rows.Count == 0) rows.Add(Columns.ToDictionary(c => l[c].Value, _ => (object?)null));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        // Taking a ledger out of the platform is recorded, with the filter that chose its rows.
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", "HazardLedger", null, details: query);
            await db.SaveChangesAsync(ct);
        }
        await MiniExcel.SaveAsAsync(output, rows, cancellationToken: ct);
    }

    private static string? Time(DateTimeOffset? at) => at?.ToOffset(WorkingClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Mobile (1xx xxxx xxxx) and landline (0xxx-xxxxxxx) numbers typed into free text, masked as everywhere (ui.md).</summary>
    internal static string? Masked(string? text) => text is null ? null : PhoneInText().Replace(text, m => Masking.Phone(m.Value));

    [GeneratedRegex(@"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")]
    private static partial Regex PhoneInText();
}
