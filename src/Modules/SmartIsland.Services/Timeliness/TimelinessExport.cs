using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Resources;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Services.Timeliness;

/// <summary>The ranking table as an Excel sheet headed in the reader's language (percentages with one decimal); audited.</summary>
public sealed class TimelinessExport(TimelinessService timeliness, IStringLocalizer<TimelinessStrings> l, IDbContextFactory<PlatformDbContext> dbs)
{
    public async Task WriteAsync(DateOnly? from, DateOnly? to, Stream output, CancellationToken ct = default)
    {
        var report = await timeliness.StaffReportAsync(from, to, ct);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", "Timeliness", null, details: new { report.From, report.To });
            await db.SaveChangesAsync(ct);
        }
        var period = $"{report.From:yyyy-MM-dd} ~ {report.To:yyyy-MM-dd}";
        var rows = report.Departments.Select(d => Row(d.Rank, d.Department, d, period)).ToList();
        rows.Add(Row(null, l["ZoneTotal"], report.Total, period));
        await MiniExcel.SaveAsAsync(output, rows, cancellationToken: ct);
    }

    private Dictionary<string, object?> Row(int? rank, string name, DepartmentTimeliness d, string period) => new()
    {
        [l["Rank"]] = rank,
        [l["Department"]] = name,
        [l["Completed"]] = d.Completed,
        [l["Immediate"]] = d.Immediate,
        [l["ImmediateShare"]] = Percent(d.ImmediateShare),
        [l["SameDay"]] = d.SameDay,
        [l["SameDayShare"]] = Percent(d.SameDayShare),
        [l["OnTime"]] = d.OnTime,
        [l["OnTimeRate"]] = Percent(d.OnTimeRate),
        [l["SpeedUp"]] = Percent(d.SpeedUp),
        [l["NoVisit"]] = d.NoVisit,
        [l["CrossDepartment"]] = d.CrossDepartment,
        [l["Period"]] = period,
    };

    public static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;
}
