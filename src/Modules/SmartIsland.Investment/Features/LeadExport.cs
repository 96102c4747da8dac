using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Investment.Resources;
using SmartIsland.Platform.Data;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Investment.Features;

/// <summary>The 招商线索台账 as an Excel sheet: the board's rows with its filters, in the reader's language; the export is audited.</summary>
public sealed class LeadExport(LeadService leads, IStringLocalizer<InvestmentStrings> l, IDbContextFactory<PlatformDbContext> dbs)
{
    public async Task WriteAsync(LeadQuery query, Stream output, CancellationToken ct = default)
    {
        var rows = await leads.ListAsync(query, ct);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", "Lead", null, details: new { query.Stage, query.OwnerUserId, query.Industry, query.Source, query.Search, rows = rows.Count });
            await db.SaveChangesAsync(ct);
        }
        await MiniExcel.SaveAsAsync(output, rows.Select(Row), cancellationToken: ct);
    }

    private Dictionary<string, object?> Row(LeadListItem x) => new()
    {
        [l["Col_Code"]] = x.Code,
        [l["Field_Investor"]] = x.InvestorName,
        [l["Field_ProjectName"]] = x.ProjectName,
        [l["Field_Source"]] = l["Source_" + x.Source].Value,
        [l["Field_SourceEnterprise"]] = x.SourceEnterpriseName,
        [l["Field_ChainDirection"]] = x.ChainDirection is { } d ? l["Chain_" + d].Value : null,
        [l["Field_Industry"]] = x.IndustryCode,
        [l["Col_Amount"]] = x.IntendedAmount,
        [l["Field_NeedKind"]] = x.NeedKind is { } k ? l["Kind_" + k].Value : null,
        [l["Col_NeedArea"]] = x.NeedArea,
        [l["Field_Stage"]] = l["Stage_" + x.Stage].Value,
        [l["Field_Owner"]] = x.OwnerName,
        [l["Field_NextAction"]] = x.NextAction,
        [l["Field_NextActionOn"]] = x.NextActionOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [l["Col_Overdue"]] = x.NextActionOverdue ? l["Yes"].Value : null,
        [l["Col_Project"]] = x.ProjectCode,
    };
}
