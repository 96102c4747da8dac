using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Resources;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Projects.Register;

/// <summary>The filtered project list as an Excel ledger (重点项目台账), rows as the user may see them.</summary>
internal sealed class ProjectExport(ProjectRegister register, IStringLocalizer<RegisterStrings> l, IDbContextFactory<PlatformDbContext> dbs)
{
    public async Task WriteAsync(ProjectQuery query, Stream output, CancellationToken ct = default)
    {
        // Taking a ledger out of the platform is recorded, with the filter that chose its rows.
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", nameof(Project), null, details: query);
            await db.SaveChangesAsync(ct);
        }
        var rows = (await register.ListAllAsync(query, ct)).Select(p => new Dictionary<string, object?>
        {
            [l["Code"]] = p.Code,
            [l["Name"]] = p.Name,
            [l["Level"]] = l["Level_" + p.Level].Value,
            [l["Category"]] = l["Category_" + p.Category].Value,
            [l["Park"]] = p.ParkName,
            [l["Owner"]] = p.OwnerName,
            [l["TotalInvestment"]] = p.TotalInvestment,
            [l["Phase"]] = l["Phase_" + p.Phase].Value,
            [l["SignedOn"]] = p.SignedOn.ToString("yyyy-MM-dd"),
            [l["StartedOn"]] = p.StartedOn?.ToString("yyyy-MM-dd"),
            [l["InProductionOn"]] = p.InProductionOn?.ToString("yyyy-MM-dd"),
            [l["ResponsibleLeader"]] = p.ResponsibleLeader,
            [l["OverdueMilestones"]] = p.OverdueMilestones,
        }).ToList();
        if (rows.Count == 0) rows.Add(new Dictionary<string, object?> { [l["Code"]] = null, [l["Name"]] = null });
        await MiniExcel.SaveAsAsync(output, rows, cancellationToken: ct);
    }
}
