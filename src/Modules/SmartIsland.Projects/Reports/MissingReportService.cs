using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SmartIsland.Calendar.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Lags;
using SmartIsland.Projects.Resources;

namespace SmartIsland.Projects.Reports;

/// <summary>
/// Issue 6 §2: "A project without today's report by a configurable time is listed and its team reminded." A report is
/// owed by every project under way (开工, 在建) on each working day of the calendar — weekends and public holidays are
/// not report days, a 调休 Saturday is — by <see cref="SupervisionOptions.ReportDueTime"/> China time.
/// </summary>
internal sealed class MissingReportService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, IWorkingDayCalendarProvider calendars, TimeProvider time,
    IOptions<SupervisionOptions> options, IOrganisationDirectory organisation, IStringLocalizer<ReportStrings> l)
{
    public const string ReadRule = "projects.supervise: Admin, zone leaders, department and park staff follow the projects' reports and lags";

    internal static readonly ProjectPhase[] UnderWay = [ProjectPhase.Started, ProjectPhase.UnderConstruction];

    public static bool MaySupervise(ICurrentUser user) => user.IsInAnyRole(Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff, Roles.ParkStaff);

    public async Task<MissingReports> ListAsync(DateOnly? day, CancellationToken ct = default) => await ListAsync(day, null, ct);

    /// <summary>The missing reports of a day (default today), of one park when <paramref name="parkId"/> is given.</summary>
    public async Task<MissingReports> ListAsync(DateOnly? day, Guid? parkId, CancellationToken ct = default)
    {
        if (!MaySupervise(user)) throw new ForbiddenException(ReadRule, l["Err_MayNotSupervise"]);
        var today = ChinaDay.Today(time);
        var d = day ?? today;
        if (d > today) throw new ValidationFailedException("day", l["Err_DayInFuture"]);
        var calendar = await calendars.GetAsync(ct);
        if (!calendar.LoadedYears.Contains(d.Year)) throw new ValidationFailedException("day", l["Err_YearNotLoaded", d.Year]);
        var due = ChinaDay.At(d, options.Value.ReportDueTime);
        var passed = time.GetUtcNow() >= due;
        if (!calendar.IsWorkingDay(d) || !passed) return new MissingReports(d, calendar.IsWorkingDay(d), due, passed, []);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var projects = db.Set<Project>().AsNoTracking();
        if (parkId is { } onePark) projects = projects.Where(p => p.ParkId == onePark);
        var rows = d == today
            // Today the project's last report day says it all: read 5,000 projects, not millions of reports.
            ? await MissingToday(projects, d).OrderBy(p => p.Code)
                .Select(p => new Row(p.Code, p.Name, p.ParkId, p.Phase, p.Members.Count, p.LastReportDay)).ToListAsync(ct)
            : await Missing(projects, db.Set<DailyReport>(), d).OrderBy(p => p.Code)
                .Select(p => new Row(p.Code, p.Name, p.ParkId, p.Phase, p.Members.Count,
                    db.Set<DailyReport>().Where(r => r.ProjectId == p.Id && r.Day < d).Max(r => (DateOnly?)r.Day)))
                .ToListAsync(ct);
        var parks = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        return new MissingReports(d, true, due, true, rows.Select(r => new MissingReport(
            r.Code, r.Name, r.ParkId, r.ParkId is { } park ? parks.GetValueOrDefault(park) : null, r.Phase, r.Last, r.Team)).ToList());
    }

    /// <summary>The list as the page shows it, as an .xlsx (one row per project; the day, due time and park in the file name and header).</summary>
    public async Task<(byte[] Content, string FileName)> ExportAsync(DateOnly? day, Guid? parkId, CancellationToken ct = default)
    {
        var list = await ListAsync(day, parkId, ct);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", "MissingReports", null, details: new { day = list.Day, parkId, rows = list.Items.Count });
            await db.SaveChangesAsync(ct);
        }
        var none = l["NoPark"].Value;
        var rows = list.Items.Select(i => new Dictionary<string, object?>
        {
            [l["Col_Code"]] = i.Code, [l["Col_Name"]] = i.Name, [l["Col_Park"]] = i.ParkName ?? none, [l["Col_Phase"]] = l["Phase_" + i.Phase].Value,
            [l["Col_LastReport"]] = i.LastReportDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? l["Missing_Never"].Value,
            [l["Col_TeamSize"]] = i.TeamSize,
            [l["Col_DueAt"]] = list.DueAt.ToOffset(ChinaDay.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }).ToList();
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, new Dictionary<string, object> { [l["Missing_Sheet"]] = rows }, cancellationToken: ct);
        return (stream.ToArray(), string.Create(CultureInfo.InvariantCulture, $"missing-reports-{list.Day:yyyy-MM-dd}.xlsx"));
    }

    private sealed record Row(string Code, string Name, Guid? ParkId, ProjectPhase Phase, int Team, DateOnly? Last);

    /// <summary>
    /// Projects under way with no report today, by <see cref="Project.LastReportDay"/> (kept with every report, so it is
    /// before today exactly when today has none). The caller decides whether today is a report day.
    /// </summary>
    internal static IQueryable<Project> MissingToday(IQueryable<Project> projects, DateOnly today) =>
        projects.Where(p => UnderWay.Contains(p.Phase) && (p.LastReportDay == null || p.LastReportDay < today));

    /// <summary>Projects under way with no report for an earlier day, read from the reports (the caller decides whether the day is a report day).</summary>
    internal static IQueryable<Project> Missing(IQueryable<Project> projects, IQueryable<DailyReport> reports, DateOnly day) =>
        projects.Where(p => UnderWay.Contains(p.Phase) && !reports.Any(r => r.ProjectId == p.Id && r.Day == day));
}
