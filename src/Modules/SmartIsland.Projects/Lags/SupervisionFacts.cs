using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Lags;

/// <summary>A project as supervision reads it: what the lag rule, the lagging list and the dashboard need of it.</summary>
internal sealed record SupervisedProject(
    Guid Id, string Code, string Name, Guid? ParkId, ProjectPhase Phase, decimal TotalInvestment, string? ResponsibleLeader,
    DateOnly SignedOn, DateOnly? StartedOn, DateOnly? LastReportDay)
{
    public bool Open => Phase is not (ProjectPhase.Completed or ProjectPhase.InProduction);
}

/// <summary>
/// Every fact supervision reads about the zone's projects on a day, read once and set-based — one query per table,
/// nothing per project — so the dashboard and the lagging list stay quick over thousands of projects and millions of
/// reports (bench "projects"): the projects with their last report day, the milestones that can be overdue, the year's
/// plans, and the year's investment per project both in full and for the months already over (one grouped scan).
/// </summary>
internal sealed class SupervisionFacts
{
    public required DateOnly Day { get; init; }
    public required IReadOnlyList<SupervisedProject> Projects { get; init; }
    public required ILookup<Guid, MilestoneFact> OverdueMilestones { get; init; }
    /// <summary>Planned investment of <see cref="Day"/>'s year per project, 万元.</summary>
    public required IReadOnlyDictionary<Guid, decimal> Plans { get; init; }
    /// <summary>Investment completed in <see cref="Day"/>'s year per project, 万元.</summary>
    public required IReadOnlyDictionary<Guid, decimal> InvestedInYear { get; init; }
    /// <summary>Investment completed in the months of <see cref="Day"/>'s year already over (before its month), 万元.</summary>
    public required IReadOnlyDictionary<Guid, decimal> InvestedBeforeMonth { get; init; }

    public static async Task<SupervisionFacts> ReadAsync(PlatformDbContext db, DateOnly day, CancellationToken ct)
    {
        var projects = await db.Set<Project>().AsNoTracking()
            .Select(p => new SupervisedProject(p.Id, p.Code, p.Name, p.ParkId, p.Phase, p.TotalInvestment, p.ResponsibleLeader, p.SignedOn, p.StartedOn, p.LastReportDay))
            .ToListAsync(ct);
        // Reached after the day: not yet reached then. Closed projects' few are read and never looked up (joining them
        // away in SQL cost a correlated EXISTS per milestone).
        var milestones = (await db.Set<Milestone>().AsNoTracking()
                .Where(m => m.PlannedOn < day && (m.ActualOn == null || m.ActualOn > day))
                .Select(m => new { m.ProjectId, m.Name, m.PlannedOn }).ToListAsync(ct))
            .ToLookup(m => m.ProjectId, m => new MilestoneFact(m.Name, m.PlannedOn, null));
        var plans = await db.Set<YearPlan>().AsNoTracking().Where(y => y.Year == day.Year)
            .Select(y => new { y.ProjectId, y.PlannedInvestment }).ToDictionaryAsync(y => y.ProjectId, y => y.PlannedInvestment, ct);
        var month = day.Month;
        var invested = await db.Set<MonthlyInvestment>().AsNoTracking().Where(i => i.Year == day.Year)
            .GroupBy(i => i.ProjectId)
            .Select(g => new { g.Key, Year = g.Sum(i => i.Amount), Before = g.Sum(i => i.Month < month ? i.Amount : 0m) })
            .ToListAsync(ct);
        return new SupervisionFacts
        {
            Day = day, Projects = projects, OverdueMilestones = milestones, Plans = plans,
            InvestedInYear = invested.ToDictionary(x => x.Key, x => x.Year),
            InvestedBeforeMonth = invested.ToDictionary(x => x.Key, x => x.Before),
        };
    }
}
