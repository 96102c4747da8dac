using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using SmartIsland.Calendar.Domain;
using SmartIsland.Cases.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Lags;
using SmartIsland.Projects.Reports;
using SmartIsland.Projects.Resources;

namespace SmartIsland.Projects.Weekly;

public sealed record OpenProblem(string ProjectCode, string ProjectName, string TrackingCode, CaseState State, string Description, DateTimeOffset RaisedAt);

/// <summary>A milestone not yet reached whose planned day falls next week; <see cref="WorkingDaysLeft"/> counted from the pack's day.</summary>
public sealed record MilestoneDue(string ProjectCode, string ProjectName, string Milestone, DateOnly PlannedOn, bool PlannedOnWorkingDay, int WorkingDaysLeft);

public sealed record ParkSection(Guid? ParkId, string? ParkName, IReadOnlyList<LaggingProject> Lagging, IReadOnlyList<OpenProblem> OpenProblems, IReadOnlyList<MilestoneDue> MilestonesDue);

/// <summary>
/// The weekly meeting pack for the week starting <see cref="WeekStart"/> (Monday), read on <see cref="AsOf"/>:
/// lagging projects, problems open, milestones due next week — by park.
/// </summary>
public sealed record WeeklyPack(DateOnly WeekStart, DateOnly WeekEnd, DateOnly NextWeekStart, DateOnly NextWeekEnd, int NextWeekWorkingDays, DateOnly AsOf,
    int Lagging, int OpenProblems, int MilestonesDue, IReadOnlyList<ParkSection> Parks);

/// <summary>
/// Issue 6 §4: "Generated agenda: lagging projects, problems open, milestones due next week, by park — as a page and an
/// Excel/PDF export." The pack of a past week is read as of its Sunday; the current week's as of today. Each export is
/// audited (who took which week's pack, in which format).
/// </summary>
internal sealed class WeeklyPackService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, IWorkingDayCalendarProvider calendars, TimeProvider time, LagService lags,
    IOrganisationDirectory organisation, IStringLocalizer<ReportStrings> l)
{
    /// <summary>The week a parameter names: an ISO week (2026-W48) or any day in it (2026-11-25); this week when empty.</summary>
    public DateOnly WeekOf(string? week)
    {
        var today = ChinaDay.Today(time);
        if (string.IsNullOrWhiteSpace(week)) return Monday(today);
        var w = week.Trim();
        if (DateOnly.TryParseExact(w, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return Monday(day);
        var parts = w.Split("-W", StringSplitOptions.None);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && y is >= 2000 and <= 2100 && n >= 1 && n <= ISOWeek.GetWeeksInYear(y))
        {
            return DateOnly.FromDateTime(ISOWeek.ToDateTime(y, n, DayOfWeek.Monday));
        }
        throw new ValidationFailedException("week", l["Err_Week"]);
    }

    public async Task<WeeklyPack> BuildAsync(string? week, CancellationToken ct = default)
    {
        if (!MissingReportService.MaySupervise(user)) throw new ForbiddenException(MissingReportService.ReadRule, l["Err_MayNotSupervise"]);
        var start = WeekOf(week);
        var today = ChinaDay.Today(time);
        if (start > today) throw new ValidationFailedException("week", l["Err_DayInFuture"]);
        var end = start.AddDays(6);
        var asOf = end < today ? end : today;
        var nextStart = start.AddDays(7);
        var nextEnd = start.AddDays(13);
        var calendar = await calendars.GetAsync(ct);
        if (!calendar.LoadedYears.Contains(nextEnd.Year) || !calendar.LoadedYears.Contains(start.Year)) throw new ValidationFailedException("week", l["Err_YearNotLoaded", nextEnd.Year]);

        var lagging = await lags.AssessAsync(asOf, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var projects = await db.Set<Project>().AsNoTracking().Select(p => new { p.Id, p.Code, p.Name, p.ParkId }).ToDictionaryAsync(p => p.Id, ct);
        var open = await lags.OpenProblemsAsync(db, projects.Keys.ToList(), ct);
        var problems = open.SelectMany(x => x.Value.Select(p => (projects[x.Key].ParkId, Row: new OpenProblem(projects[x.Key].Code, projects[x.Key].Name, p.TrackingCode, p.State, p.Description, p.RaisedAt))))
            .ToList();
        var due = (await db.Set<Milestone>().AsNoTracking().Where(m => m.ActualOn == null && m.PlannedOn >= nextStart && m.PlannedOn <= nextEnd).ToListAsync(ct))
            .Where(m => projects.ContainsKey(m.ProjectId))
            .Select(m => (projects[m.ProjectId].ParkId, Row: new MilestoneDue(projects[m.ProjectId].Code, projects[m.ProjectId].Name, m.Name, m.PlannedOn,
                calendar.IsWorkingDay(m.PlannedOn), calendar.WorkingDaysBetween(asOf, m.PlannedOn))))
            .ToList();
        var parks = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        var parkIds = lagging.Select(p => p.ParkId).Concat(problems.Select(p => p.ParkId)).Concat(due.Select(d => d.ParkId)).Distinct();
        var sections = parkIds
            .Select(id => new ParkSection(id, id is { } x ? parks.GetValueOrDefault(x) : null,
                lagging.Where(p => p.ParkId == id).ToList(),
                problems.Where(p => p.ParkId == id).Select(p => p.Row).OrderBy(p => p.RaisedAt).ToList(),
                due.Where(d => d.ParkId == id).Select(d => d.Row).OrderBy(d => d.PlannedOn).ThenBy(d => d.ProjectCode, StringComparer.Ordinal).ToList()))
            .OrderBy(s => s.ParkName is null).ThenBy(s => s.ParkName, StringComparer.Ordinal).ToList();
        var workingNext = Enumerable.Range(0, 7).Count(i => calendar.IsWorkingDay(nextStart.AddDays(i)));
        return new WeeklyPack(start, end, nextStart, nextEnd, workingNext, asOf, lagging.Count, problems.Count, due.Count, sections);
    }

    /// <summary>The pack as an Excel workbook: one sheet per agenda part, each row with its park.</summary>
    public async Task<(byte[] Content, string FileName)> ExportAsync(string? week, CancellationToken ct = default)
    {
        var pack = await BuildAsync(week, ct);
        var none = l["NoPark"].Value;
        var sheets = new Dictionary<string, object>
        {
            [l["Sheet_Lagging"]] = pack.Parks.SelectMany(s => s.Lagging.Select(p => new Dictionary<string, object?>
            {
                [l["Col_Park"]] = s.ParkName ?? none, [l["Col_Code"]] = p.Code, [l["Col_Name"]] = p.Name, [l["Col_Leader"]] = p.ResponsibleLeader,
                [l["Col_Level"]] = l["Level_" + p.Level].Value, [l["Col_Reasons"]] = string.Join("；", p.Reasons.Select(r => r.Text)),
                [l["Col_OpenProblems"]] = string.Join("、", p.OpenProblems.Select(o => o.TrackingCode)),
            })).ToList(),
            [l["Sheet_Problems"]] = pack.Parks.SelectMany(s => s.OpenProblems.Select(p => new Dictionary<string, object?>
            {
                [l["Col_Park"]] = s.ParkName ?? none, [l["Col_Code"]] = p.ProjectCode, [l["Col_Name"]] = p.ProjectName, [l["Col_Case"]] = p.TrackingCode,
                [l["Col_Problem"]] = p.Description, [l["Col_RaisedAt"]] = p.RaisedAt.ToOffset(ChinaDay.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            })).ToList(),
            [l["Sheet_Milestones"]] = pack.Parks.SelectMany(s => s.MilestonesDue.Select(m => new Dictionary<string, object?>
            {
                [l["Col_Park"]] = s.ParkName ?? none, [l["Col_Code"]] = m.ProjectCode, [l["Col_Name"]] = m.ProjectName, [l["Col_Milestone"]] = m.Milestone,
                [l["Col_PlannedOn"]] = m.PlannedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), [l["Col_WorkingDaysLeft"]] = m.WorkingDaysLeft,
            })).ToList(),
        };
        await AuditExportAsync(pack, "xlsx", ct);
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: ct);
        return (stream.ToArray(), string.Create(CultureInfo.InvariantCulture, $"weekly-{pack.WeekStart:yyyy-MM-dd}.xlsx"));
    }

    /// <summary>The pack as an A4 PDF for the meeting's papers: the page's parts park by park, in the reader's language.</summary>
    public async Task<(byte[] Content, string FileName)> ExportPdfAsync(string? week, CancellationToken ct = default)
    {
        var pack = await BuildAsync(week, ct);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sections = pack.Parks.Select(s => new PdfSection(s.ParkName ?? l["NoPark"].Value,
        [
            new PdfTable(l["Sheet_Lagging"], [(l["Col_Code"], 12), (l["Col_Name"], 24), (l["Col_Leader"], 10), (l["Col_Level"], 9), (l["Col_Reasons"], 31), (l["Col_OpenProblems"], 14)],
                s.Lagging.Select(p => (IReadOnlyList<string>)[p.Code, p.Name, p.ResponsibleLeader ?? "", l["Level_" + p.Level].Value,
                    string.Join("；", p.Reasons.Select(r => r.Text)), string.Join("、", p.OpenProblems.Select(o => o.TrackingCode))]).ToList()),
            new PdfTable(l["Sheet_Problems"], [(l["Col_Code"], 12), (l["Col_Name"], 22), (l["Col_Case"], 16), (l["Col_Problem"], 34), (l["Col_RaisedAt"], 16)],
                s.OpenProblems.Select(p => (IReadOnlyList<string>)[p.ProjectCode, p.ProjectName, p.TrackingCode, p.Description,
                    p.RaisedAt.ToOffset(ChinaDay.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]).ToList()),
            new PdfTable(l["Weekly_MilestonesDue", pack.NextWeekWorkingDays], [(l["Col_Code"], 12), (l["Col_Name"], 30), (l["Col_Milestone"], 28), (l["Col_PlannedOn"], 15), (l["Col_WorkingDaysLeft"], 15)],
                s.MilestonesDue.Select(m => (IReadOnlyList<string>)[m.ProjectCode, m.ProjectName, m.Milestone, Day(m.PlannedOn),
                    m.WorkingDaysLeft.ToString(CultureInfo.InvariantCulture)]).ToList()),
        ])).Where(s => s.Tables.Any(t => t.Rows.Count > 0)).ToList();
        var frame = new PdfFrame(l["Weekly_Title"], $"{l["Weekly_Range", Day(pack.WeekStart), Day(pack.WeekEnd)]} · {l["Pdf_AsOf", Day(pack.AsOf)]}",
            l["Pdf_Summary", pack.Lagging, pack.OpenProblems, pack.MilestonesDue], l["Weekly_Empty"], l["Pdf_PageOf"]);
        await AuditExportAsync(pack, "pdf", ct);
        var content = WeeklyPackPdf.Render(frame, sections, time.GetUtcNow());
        return (content, string.Create(CultureInfo.InvariantCulture, $"weekly-{pack.WeekStart:yyyy-MM-dd}.pdf"));
    }

    private async Task AuditExportAsync(WeeklyPack pack, string format, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.RecordAction("Export", "WeeklyPack", pack.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            details: new { format, pack.AsOf, pack.Lagging, pack.OpenProblems, pack.MilestonesDue });
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
