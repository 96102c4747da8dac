using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Platform.Data;
using MiniExcel = MiniExcelLibs.MiniExcel;
using SmartIsland.Enterprises.Resources;

namespace SmartIsland.Enterprises.Features;

/// <summary>The filtered list as an Excel ledger (台账), with the same masking as the list on screen.</summary>
public sealed class EnterpriseExport(EnterpriseRegistry registry, IStringLocalizer<EnterpriseStrings> l, IDbContextFactory<PlatformDbContext> dbs)
{
    public async Task WriteAsync(EnterpriseQuery query, Stream output, CancellationToken ct = default)
    {
        // Taking a ledger out of the platform is recorded, with the filter that chose its rows.
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", nameof(Domain.Enterprise), null, details: query);
            await db.SaveChangesAsync(ct);
        }

        var rows = new List<Dictionary<string, object?>>();
        await foreach (var e in registry.ExportAsync(query, ct))
        {
            rows.Add(new Dictionary<string, object?>
            {
                [l["CreditCode"]] = e.CreditCode,
                [l["Name"]] = e.Name,
                [l["LegalRepresentative"]] = e.LegalRepresentative,
                [l["IndustryCode"]] = e.IndustryCode,
                [l["Park"]] = e.ParkName,
                [l["RegisteredOn"]] = e.RegisteredOn?.ToString("yyyy-MM-dd"),
            });
        }
        if (rows.Count == 0)
        {
            // An empty export still carries its header row so the file is recognisable.
            rows.Add(new Dictionary<string, object?> { [l["CreditCode"]] = null, [l["Name"]] = null });
        }
        await MiniExcel.SaveAsAsync(output, rows, cancellationToken: ct);
    }
}
