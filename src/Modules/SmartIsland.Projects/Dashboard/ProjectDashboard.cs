using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Lags;
using SmartIsland.Projects.Reports;
using SmartIsland.Projects.Resources;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace SmartIsland.Projects.Dashboard;

public sealed record PhaseFigure(ProjectPhase Phase, int Count, decimal TotalInvestment);

/// <summary>A park's projects (no park: <see cref="ParkId"/> null) and its investment of the year against the year plans, 万元.</summary>
public sealed record ParkFigure(Guid? ParkId, string? ParkName, int Count, decimal TotalInvestment, decimal Planned, decimal Completed, decimal? Share);

public sealed record InvestmentFigure(decimal Planned, decimal Completed, decimal? Share);

/// <summary>
/// Issue 6 §9: projects by phase and park, the year's investment completed against plan (zone and park), lagging
/// projects by level and reports missing today. <see cref="MissingToday"/> counts the projects under way without a
/// report yet today; <see cref="ReportDuePassed"/> says whether that is already late.
/// </summary>
public sealed record ProjectDashboard(
    int Year, DateOnly Today, int Projects, decimal TotalInvestment, IReadOnlyList<PhaseFigure> ByPhase, IReadOnlyList<ParkFigure> ByPark,
    InvestmentFigure Investment, int LaggingRed, int LaggingYellow, int MissingToday, DateTimeOffset ReportDue, bool ReportDuePassed);

/// <summary>
/// The leaders' dashboard of key projects. Every figure is one grouped query over its table (projects, year plans,
/// monthly investment) or the project's own last report day, so it stays quick with thousands of projects and
/// millions of reports (bench step "projects").
/// </summary>
internal sealed class ProjectDashboardService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, TimeProvider time, IOptions<SupervisionOptions> options, LagService lags,
    IOrganisationDirectory organisation, IStringLocalizer<DashboardStrings> l)
{
    public async Task<ProjectDashboard> ReadAsync(int? year, CancellationToken ct = default)
    {
        if (!MissingReportService.MaySupervise(user)) throw new ForbiddenException(MissingReportService.ReadRule, l["Err_MayNotRead"]);
        var today = ChinaDay.Today(time);
        var y = year ?? today.Year;
        if (y < 2000 || y > today.Year + 1) throw new ValidationFailedException("year", l["Err_Year", 2000, today.Year + 1]);

        await using var db = await dbs.CreateDbContextAsync(ct);
        // One read of every project's facts serves the figures and the lag counts alike; only a past year's investment
        // is read apart.
        var facts = await SupervisionFacts.ReadAsync(db, today, ct);
        var (red, yellow) = await lags.CountAsync(db, facts, ct);
        var (plans, invested) = y == today.Year
            ? (facts.Plans, facts.InvestedInYear)
            : (await db.Set<YearPlan>().AsNoTracking().Where(p => p.Year == y).ToDictionaryAsync(p => p.ProjectId, p => p.PlannedInvestment, ct),
                (IReadOnlyDictionary<Guid, decimal>)await db.Set<MonthlyInvestment>().AsNoTracking().Where(i => i.Year == y)
                    .GroupBy(i => i.ProjectId).Select(g => new { g.Key, Sum = g.Sum(i => i.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct));
        var groups = facts.Projects.GroupBy(p => new { p.Phase, p.ParkId })
            .Select(g => new { g.Key.Phase, g.Key.ParkId, Count = g.Count(), Total = g.Sum(p => p.TotalInvestment) }).ToList();
        var planned = facts.Projects.GroupBy(p => p.ParkId).Select(g => new { g.Key, Sum = g.Sum(p => plans.GetValueOrDefault(p.Id)) }).ToList();
        var completed = facts.Projects.GroupBy(p => p.ParkId).Select(g => new { g.Key, Sum = g.Sum(p => invested.GetValueOrDefault(p.Id)) }).ToList();
        // The same test as MissingReportService.MissingToday, on the rows already read.
        var missing = facts.Projects.Count(p => MissingReportService.UnderWay.Contains(p.Phase) && (p.LastReportDay is null || p.LastReportDay < today));
        var parkNames = (await organisation.ParksAsync(ct)).ToDictionary(p => p.Id, p => p.Name);

        var byPhase = Enum.GetValues<ProjectPhase>().Select(phase => new PhaseFigure(phase,
            groups.Where(g => g.Phase == phase).Sum(g => g.Count), groups.Where(g => g.Phase == phase).Sum(g => g.Total))).ToList();
        var plannedByPark = planned.ToDictionary(p => p.Key ?? Guid.Empty, p => p.Sum);
        var completedByPark = completed.ToDictionary(p => p.Key ?? Guid.Empty, p => p.Sum);
        // Every park of the zone is listed, with or without projects, so a park with none shows as such; projects without
        // a park come last.
        var parkIds = parkNames.Keys.Select(id => (Guid?)id).Concat(groups.Select(g => g.ParkId)).Distinct().ToList();
        var byPark = parkIds.Select(id =>
            {
                var key = id ?? Guid.Empty;
                var mine = groups.Where(g => g.ParkId == id).ToList();
                var p = plannedByPark.GetValueOrDefault(key);
                var c = completedByPark.GetValueOrDefault(key);
                return new ParkFigure(id, id is { } park ? parkNames.GetValueOrDefault(park) : null, mine.Sum(g => g.Count), mine.Sum(g => g.Total), p, c, Share(p, c));
            })
            .OrderBy(p => p.ParkId is null).ThenBy(p => p.ParkName, StringComparer.Ordinal).ToList();
        var zonePlanned = planned.Sum(p => p.Sum);
        var zoneCompleted = completed.Sum(p => p.Sum);
        var due = ChinaDay.At(today, options.Value.ReportDueTime);
        return new ProjectDashboard(y, today, groups.Sum(g => g.Count), groups.Sum(g => g.Total), byPhase, byPark,
            new InvestmentFigure(zonePlanned, zoneCompleted, Share(zonePlanned, zoneCompleted)), red, yellow, missing, due, time.GetUtcNow() >= due);
    }

    /// <summary>The dashboard as an Excel workbook (one sheet per table), recorded as an export.</summary>
    public async Task WriteAsync(int? year, Stream output, CancellationToken ct = default)
    {
        var d = await ReadAsync(year, ct);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.RecordAction("Export", "ProjectDashboard", null, details: new { d.Year });
            await db.SaveChangesAsync(ct);
        }
        var summary = new List<Dictionary<string, object?>>
        {
            Line(l["Sum_Projects"], d.Projects), Line(l["Sum_TotalInvestment"], d.TotalInvestment),
            Line(l["Sum_Planned", d.Year], d.Investment.Planned), Line(l["Sum_Completed", d.Year], d.Investment.Completed),
            Line(l["Sum_Share"], d.Investment.Share), Line(l["Sum_LaggingRed"], d.LaggingRed), Line(l["Sum_LaggingYellow"], d.LaggingYellow),
            Line(l["Sum_MissingToday", d.Today.ToString("yyyy-MM-dd")], d.MissingToday),
        };
        var phases = d.ByPhase.Select(p => new Dictionary<string, object?>
        {
            [l["Col_Phase"]] = l["Phase_" + p.Phase].Value, [l["Col_Count"]] = p.Count, [l["Col_TotalInvestment"]] = p.TotalInvestment,
        }).ToList();
        var parks = d.ByPark.Select(p => new Dictionary<string, object?>
        {
            [l["Col_Park"]] = p.ParkName ?? l["NoPark"].Value, [l["Col_Count"]] = p.Count, [l["Col_TotalInvestment"]] = p.TotalInvestment,
            [l["Col_Planned"]] = p.Planned, [l["Col_Completed"]] = p.Completed, [l["Col_Share"]] = p.Share,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [l["Sheet_Summary"]] = summary, [l["Sheet_Phases"]] = phases, [l["Sheet_Parks"]] = parks,
        };
        await MiniExcel.SaveAsAsync(output, sheets, cancellationToken: ct);

        Dictionary<string, object?> Line(string name, object? value) => new() { [l["Col_Figure"]] = name, [l["Col_Value"]] = value };
    }

    /// <summary>Completed ÷ planned, three decimals; none without a plan.</summary>
    private static decimal? Share(decimal planned, decimal completed) => planned > 0 ? Math.Round(completed / planned, 3) : null;
}
