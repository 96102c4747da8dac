using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SmartIsland.Calendar.Domain;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Reports;
using SmartIsland.Projects.Resources;

namespace SmartIsland.Projects.Lags;

/// <summary>
/// The leaders' lagging list (issue 6 §3): every project the <see cref="LagRule"/> flags, worst first, with its reasons
/// and its open problems. A problem is raised as a case of the built-in type <see cref="ProblemCaseType"/> (协调解决),
/// routed to the project's park and followed to closure by the case engine; the project shows it until it is closed.
/// </summary>
internal sealed class LagService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, IWorkingDayCalendarProvider calendars, TimeProvider time,
    IOptions<SupervisionOptions> options, IOrganisationDirectory organisation, CaseService cases, IStringLocalizer<ReportStrings> l)
{
    public const string ProblemCaseType = "project-problem";
    public const string ProblemRule = "projects.problem: Admin, zone leaders, department and park staff and the project's team raise its problems";
    /// <summary>A coordination problem is due within this many working days (the case type's reminders and 督办 apply).</summary>
    public const int ProblemWorkingDays = 5;

    public async Task<LaggingList> LaggingAsync(Guid? parkId = null, LagLevel? level = null, DateOnly? asOf = null, CancellationToken ct = default)
    {
        if (!MissingReportService.MaySupervise(user)) throw new ForbiddenException(MissingReportService.ReadRule, l["Err_MayNotSupervise"]);
        var day = asOf ?? ChinaDay.Today(time);
        var all = await AssessAsync(day, ct);
        var items = all.Where(p => (parkId is null || p.ParkId == parkId) && (level is null || p.Level == level)).ToList();
        return new LaggingList(day, items.Count(i => i.Level == LagLevel.Red), items.Count(i => i.Level == LagLevel.Yellow), items);
    }

    /// <summary>Every lagging project of the zone on <paramref name="day"/>, red before yellow, then by park and code.</summary>
    internal async Task<List<LaggingProject>> AssessAsync(DateOnly day, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lagging = await JudgeAsync(db, day, ct);
        var problems = await OpenProblemsAsync(db, lagging.Select(x => x.Project.Id).ToList(), ct);
        var parks = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        return lagging
            .Select(x => new LaggingProject(x.Project.Code, x.Project.Name, x.Project.ParkId, x.Project.ParkId is { } park ? parks.GetValueOrDefault(park) : null,
                x.Project.Phase, x.Project.ResponsibleLeader, x.Lag.Level, x.Lag.Reasons.Select(Describe).ToList(), problems.GetValueOrDefault(x.Project.Id) ?? []))
            .OrderByDescending(p => p.Level).ThenBy(p => p.ParkName, StringComparer.Ordinal).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Red and yellow counts of the zone's lagging projects on the facts' day (the dashboard: no reasons, no problems).</summary>
    internal async Task<(int Red, int Yellow)> CountAsync(PlatformDbContext db, SupervisionFacts facts, CancellationToken ct)
    {
        var lagging = await JudgeAsync(db, facts, ct);
        return (lagging.Count(x => x.Lag.Level == LagLevel.Red), lagging.Count(x => x.Lag.Level == LagLevel.Yellow));
    }

    private async Task<List<(SupervisedProject Project, LagAssessment Lag)>> JudgeAsync(PlatformDbContext db, DateOnly day, CancellationToken ct) =>
        await JudgeAsync(db, await SupervisionFacts.ReadAsync(db, day, ct), ct);

    private async Task<List<(SupervisedProject Project, LagAssessment Lag)>> JudgeAsync(PlatformDbContext db, SupervisionFacts facts, CancellationToken ct)
    {
        var day = facts.Day;
        var calendar = await calendars.GetAsync(ct);
        if (!calendar.LoadedYears.Contains(day.Year)) throw new ValidationFailedException("asOf", l["Err_YearNotLoaded", day.Year]);
        var open = facts.Projects.Where(p => p.Open).ToList();
        var lastReports = await LastReportDaysAsync(db, open, day, ct);
        var thresholds = options.Value.Lag;
        var noInvestment = new Dictionary<int, decimal>();
        var lagging = new List<(SupervisedProject Project, LagAssessment Lag)>();
        foreach (var p in open)
        {
            // The rule adds up the months already over, so their sum arrives as one figure under the last month over.
            var invested = facts.InvestedBeforeMonth.TryGetValue(p.Id, out var sum)
                ? new Dictionary<int, decimal> { [day.Month - 1] = sum } : noInvestment;
            var lagFacts = new LagFacts(p.Phase, p.SignedOn, p.StartedOn, facts.OverdueMilestones[p.Id].ToList(),
                facts.Plans.TryGetValue(p.Id, out var plan) ? plan : null, invested,
                lastReports.TryGetValue(p.Id, out var last) ? last : null);
            var lag = LagRule.Assess(lagFacts, day, calendar, thresholds);
            if (lag.Lagging) lagging.Add((p, lag));
        }
        return lagging;
    }

    /// <summary>
    /// The last report day on or before <paramref name="day"/>: the project's own column (<see cref="Project.LastReportDay"/>)
    /// whenever it is not after the day — always so for today. Only a list as of an earlier day reads the reports, and
    /// only of the projects that reported since.
    /// </summary>
    private static async Task<Dictionary<Guid, DateOnly>> LastReportDaysAsync(PlatformDbContext db, List<SupervisedProject> projects, DateOnly day, CancellationToken ct)
    {
        var result = projects.Where(p => p.LastReportDay is { } last && last <= day).ToDictionary(p => p.Id, p => p.LastReportDay!.Value);
        var later = projects.Where(p => p.LastReportDay > day).Select(p => p.Id).ToList();
        if (later.Count == 0) return result;
        var earlier = await db.Set<DailyReport>().AsNoTracking().Where(r => later.Contains(r.ProjectId) && r.Day <= day).GroupBy(r => r.ProjectId)
            .Select(g => new { g.Key, Last = g.Max(r => r.Day) }).ToListAsync(ct);
        foreach (var e in earlier) result[e.Key] = e.Last;
        return result;
    }

    /// <summary>Raises a problem of the project as a case (协调解决) due in <see cref="ProblemWorkingDays"/> working days, routed to its park.</summary>
    public async Task<ProblemView> RaiseProblemAsync(string code, RaiseProblemInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var project = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct) ?? throw new NotFoundException(l["Err_ProjectNotFound"]);
        var onTeam = user.UserId is { } me && await db.Set<ProjectMember>().AnyAsync(m => m.ProjectId == project.Id && m.UserId == me, ct);
        if (!MissingReportService.MaySupervise(user) && !onTeam) throw new ForbiddenException(ProblemRule, l["Err_MayNotRaise"]);
        var description = input.Description?.Trim() ?? "";
        if (description.Length == 0) throw new ValidationFailedException("description", l["Err_ProblemRequired"]);
        if (description.Length > 2000) throw new ValidationFailedException("description", l["Err_TextTooLong", 2000]);

        var calendar = await calendars.GetAsync(ct);
        var today = ChinaDay.Today(time);
        var actor = user.Principal.FindFirst(PlatformClaims.DisplayName)?.Value ?? user.UserName;
        var made = await cases.OpenFollowUpAsync(new FollowUp(
            project.ZoneId, ProblemCaseType, string.Format(CultureInfo.InvariantCulture, "【{0} {1}】{2}", project.Code, project.Name, description),
            new WorkingClock(calendar).EndOfDay(calendar.AddWorkingDays(today, ProblemWorkingDays)), project.ParkId, project.OwnerEnterpriseId, user.UserId,
            actor ?? "", $"problem of project {project.Code} raised for coordination"), ct);
        var row = new ProjectProblem
        {
            ZoneId = project.ZoneId, ProjectId = project.Id, CaseId = made.Id, TrackingCode = made.TrackingCode, Description = description,
            RaisedAt = time.GetUtcNow(), RaisedBy = actor,
        };
        db.Add(row);
        db.AuditReason = $"project {project.Code}: problem raised as case {made.TrackingCode}";
        await db.SaveChangesAsync(ct);
        return new ProblemView(made.Id, made.TrackingCode, CaseState.Accepted, true, description, row.RaisedAt, actor);
    }

    /// <summary>The project's problems with their cases' states, newest first; <paramref name="openOnly"/> leaves out closed ones.</summary>
    public async Task<IReadOnlyList<ProblemView>> ProblemsAsync(string code, bool openOnly, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var project = await db.Set<Project>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct) ?? throw new NotFoundException(l["Err_ProjectNotFound"]);
        var onTeam = user.UserId is { } me && await db.Set<ProjectMember>().AnyAsync(m => m.ProjectId == project.Id && m.UserId == me, ct);
        if (!MissingReportService.MaySupervise(user) && !onTeam) throw new ForbiddenException(MissingReportService.ReadRule, l["Err_MayNotSupervise"]);
        var all = await ProblemRowsAsync(db, [project.Id], ct);
        return (all.GetValueOrDefault(project.Id) ?? []).Where(p => !openOnly || p.Open).ToList();
    }

    internal async Task<Dictionary<Guid, List<ProblemView>>> OpenProblemsAsync(PlatformDbContext db, IReadOnlyCollection<Guid> projectIds, CancellationToken ct) =>
        (await ProblemRowsAsync(db, projectIds, ct)).ToDictionary(x => x.Key, x => x.Value.Where(p => p.Open).ToList());

    private async Task<Dictionary<Guid, List<ProblemView>>> ProblemRowsAsync(PlatformDbContext db, IReadOnlyCollection<Guid> projectIds, CancellationToken ct)
    {
        var rows = await db.Set<ProjectProblem>().AsNoTracking().Where(p => projectIds.Contains(p.ProjectId)).ToListAsync(ct);
        var states = (await cases.LinksAsync(rows.Select(r => r.CaseId).ToList(), ct)).ToDictionary(c => c.Id, c => c.State);
        return rows.GroupBy(r => r.ProjectId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.RaisedAt).Select(r =>
        {
            var state = states.TryGetValue(r.CaseId, out var s) ? s : CaseState.Closed; // a case no longer there follows nothing
            return new ProblemView(r.CaseId, r.TrackingCode, state, CaseWorkflow.IsOpen(state), r.Description, r.RaisedAt, r.RaisedBy);
        }).ToList());
    }

    private LagReasonView Describe(LagReason r) => new(r.Kind, r.Level, r.Kind switch
    {
        LagReasonKind.MilestoneOverdue => l["Reason_Milestone", r.Milestone ?? "", r.WorkingDays ?? 0, r.PlannedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""],
        LagReasonKind.InvestmentBehind => l["Reason_Investment", ((r.ShareBehind ?? 0) * 100).ToString("0.0", CultureInfo.InvariantCulture),
            (r.PlannedToDate ?? 0).ToString("0.00", CultureInfo.InvariantCulture), (r.CompletedToDate ?? 0).ToString("0.00", CultureInfo.InvariantCulture)],
        _ => l["Reason_Reports", r.WorkingDays ?? 0],
    }, r.WorkingDays, r.Milestone, r.PlannedOn, r.ShareBehind, r.PlannedToDate, r.CompletedToDate);
}
