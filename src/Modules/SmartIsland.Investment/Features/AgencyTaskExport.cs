using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Investment.Resources;
using SmartIsland.Platform.Data;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Investment.Features;

/// <summary>The 代办事项台账 as an Excel sheet: the task list's rows with its filters, in the reader's language; the export is audited.</summary>
public sealed class AgencyTaskExport(AgencyTaskService tasks, IStringLocalizer<InvestmentStrings> l, IDbContextFactory<PlatformDbContext> dbs)
{
    public async Task WriteAsync(AgencyTaskQuery query, Stream output, CancellationToken ct = default)
    {
        var rows = await tasks.ListAsync(query, ct);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", "AgencyTask", null, details: new { query.LeadId, query.ProjectId, query.OpenOnly, query.OverdueOnly, rows = rows.Count });
            await db.SaveChangesAsync(ct);
        }
        await MiniExcel.SaveAsAsync(output, rows.Select(Row), cancellationToken: ct);
    }

    private Dictionary<string, object?> Row(AgencyTaskView x)
    {
        var open = x.Status is Domain.AgencyTaskStatus.Open or Domain.AgencyTaskStatus.InProgress;
        return new()
        {
            [l["Col_Code"]] = x.LeadCode,
            [l["Field_Investor"]] = x.InvestorName,
            [l["Col_Project"]] = x.ProjectCode,
            [l["Field_ProjectName"]] = x.ProjectName,
            [l["Task_Title"]] = x.Title,
            [l["Field_Owner"]] = x.OwnerName,
            [l["Col_DueOn"]] = x.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [l["Col_DaysLeft"]] = open ? x.WorkingDaysLeft : null,
            [l["Col_Overdue"]] = x.Overdue ? l["Yes"].Value : null,
            [l["Field_Status"]] = l["TaskStatus_" + x.Status].Value,
            [l["Col_DoneOn"]] = x.DoneOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [l["Field_Note"]] = x.Note,
        };
    }
}
