using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;

namespace SmartIsland.Projects.Reviews;

/// <summary>
/// The demo's October review, after the seeds' "观摩团对全区18个重点项目进行现场观摩": eighteen projects under way, four
/// reviewers (the demo's admin, leader, department and park accounts; park staff skip their own park), scores that vary
/// per reviewer and project but are the same on every run, then closed and ranked through the service like any round.
/// </summary>
internal sealed class SiteReviewDemoSeeder(IOrganisationDirectory organisation, IServiceScopeFactory scopes) : IModuleSeeder
{
    public int Order => 175; // after the demo register (160)

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.DemoData) return;
        if (await organisation.ZoneByDivisionAsync("410471", cancellationToken) is not { } zone) return;
        if (await db.Set<ReviewRound>().IgnoreQueryFilters().AnyAsync(r => r.ZoneId == zone.Id, cancellationToken)) return;
        var projects = await db.Set<Project>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.ZoneId == zone.Id && (p.Phase == ProjectPhase.UnderConstruction || p.Phase == ProjectPhase.Started))
            .OrderBy(p => p.Code).Take(18).ToListAsync(cancellationToken);
        if (projects.Count == 0) return;
        var accounts = await db.Users.AsNoTracking().Where(u => u.ZoneId == zone.Id && (u.UserName == "admin" || u.UserName == "leader" || u.UserName == "dept" || u.UserName == "park"))
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.ParkId }).ToListAsync(cancellationToken);
        var admin = accounts.FirstOrDefault(a => a.UserName == "admin");
        if (admin is null) return;

        var round = new ReviewRound
        {
            ZoneId = zone.Id, Year = 2026, Month = 10, Title = "2026年10月重点项目观摩评比", Status = RoundStatus.Open,
            CreatedAt = new DateTimeOffset(2026, 10, 28, 9, 0, 0, TimeSpan.FromHours(8)), CreatedBy = "dept",
        };
        db.UseZone(zone.Id);
        db.Add(round);
        var order = 0;
        foreach (var p in projects)
        {
            db.Add(new ReviewEntry { ZoneId = zone.Id, RoundId = round.Id, ProjectId = p.Id, ParkId = p.ParkId, SortOrder = order++ });
            foreach (var (a, i) in accounts.Select((a, i) => (a, i)))
            {
                if (a.UserName == "park" && a.ParkId is not null && a.ParkId == p.ParkId) continue;
                // A steady spread: each project has a level, each reviewer a leaning, and half points where they fall.
                var seed = (order * 37 + i * 11) % 7;
                db.Add(new ReviewSheet
                {
                    ZoneId = zone.Id, RoundId = round.Id, ProjectId = p.Id, ReviewerUserId = a.Id, ReviewerName = a.DisplayName,
                    Progress = 28 + (order * 3 + seed) % 12, Investment = 20 + (order * 5 + seed) % 10, Quality = 10 + (order + seed) % 6,
                    Safety = 10 + (order * 2 + i) % 6, SubmittedAt = round.CreatedAt.AddHours(3 + i), Remark = order % 3 == 0 ? "现场组织有序，进度符合计划" : null,
                });
            }
        }
        db.AuditReason = "demo data: October 2026 site review (18 projects)";
        await db.SaveChangesAsync(cancellationToken);

        // Ranked as staff would close it: through the service and the scoring engine, as the demo's administrator.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.NameIdentifier, admin.Id.ToString()), new Claim(ClaimTypes.Role, Roles.Admin),
            new Claim(PlatformClaims.ZoneId, zone.Id.ToString()),
        ], authenticationType: "system")));
        await scope.ServiceProvider.GetRequiredService<SiteReviewService>().CloseAsync(round.Id, null, cancellationToken);
    }
}
