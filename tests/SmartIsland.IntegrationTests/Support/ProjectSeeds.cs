using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Domain;

namespace SmartIsland.IntegrationTests.Support;

/// <summary>
/// Arranges key projects straight in the database (the register that fills them is built and tested elsewhere): a
/// fresh code per call, a team of demo accounts, milestones, a year plan, monthly investment and earlier reports.
/// </summary>
internal static class ProjectSeeds
{
    public static async Task<Project> AddAsync(
        PlatformFactory factory, ProjectPhase phase, Guid? parkId = null, string[]? team = null,
        (string Name, DateOnly Planned, DateOnly? Actual)[]? milestones = null, (int Year, decimal Plan)? yearPlan = null,
        (int Year, int Month, decimal Amount)[]? investment = null, DateOnly[]? reportDays = null, string? name = null,
        decimal total = 5000, string division = "410471")
    {
        var zone = await EnterpriseSeeds.ZoneIdAsync(factory, division);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
        db.UseZone(zone);
        var code = "XT" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var project = new Project
        {
            ZoneId = zone, Code = code, Name = name ?? "测试项目" + code, Level = ProjectLevel.Zone, Category = ProjectCategory.AdvancedManufacturing,
            ParkId = parkId, TotalInvestment = total, Phase = phase, SignedOn = new DateOnly(2026, 1, 10),
            StartedOn = phase >= ProjectPhase.Started ? new DateOnly(2026, 3, 2) : null, ResponsibleLeader = "周明远", CreatedAt = DateTimeOffset.UtcNow,
            // What the report service keeps with every report; reports arranged here bypass it.
            LastReportDay = reportDays is { Length: > 0 } ? reportDays.Max() : null,
        };
        db.Add(project);
        foreach (var userName in team ?? [])
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
            db.Add(new ProjectMember { ZoneId = zone, ProjectId = project.Id, UserId = user.Id, DisplayName = user.DisplayName, Role = MemberRole.Member });
        }
        foreach (var (m, i) in (milestones ?? []).Select((m, i) => (m, i)))
        {
            db.Add(new Milestone { ZoneId = zone, ProjectId = project.Id, SortOrder = i, Name = m.Name, PlannedOn = m.Planned, ActualOn = m.Actual });
        }
        if (yearPlan is { } plan) db.Add(new YearPlan { ZoneId = zone, ProjectId = project.Id, Year = plan.Year, PlannedInvestment = plan.Plan });
        foreach (var (year, month, amount) in investment ?? [])
        {
            db.Add(new MonthlyInvestment { ZoneId = zone, ProjectId = project.Id, Year = year, Month = month, Amount = amount, ReportedAt = DateTimeOffset.UtcNow });
        }
        foreach (var day in reportDays ?? [])
        {
            db.Add(new DailyReport { ZoneId = zone, ProjectId = project.Id, Day = day, Text = "按计划施工", SubmittedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)) });
        }
        db.AuditReason = "test arrangement";
        await db.SaveChangesAsync();
        return project;
    }

    public static async Task<T> ReadAsync<T>(PlatformFactory factory, Func<PlatformDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
        db.UseAllZones();
        return await read(db);
    }
}
