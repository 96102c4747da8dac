using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cultivation.Officers;

/// <summary>
/// Demo data only: each zone's chief service officer account serves the enterprise the demo enterprise account
/// acts for and the first dozen of the registry, so the officer's list and the portal's officer card have
/// something to show. Runs once per zone (a zone with any assignment is left alone).
/// </summary>
internal sealed class OfficerDemoSeeder(IServiceScopeFactory scopes, TimeProvider time) : IModuleSeeder
{
    private const int DemoEnterprises = 12;

    public int Order => 130; // after the demo accounts and enterprises exist

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.DemoData) return;
        var officers = await (from u in db.Users.AsNoTracking()
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == Roles.ChiefServiceOfficer
                              orderby u.UserName
                              select new { u.Id, u.ZoneId }).ToListAsync(cancellationToken);
        foreach (var zone in officers.GroupBy(o => o.ZoneId))
        {
            if (await db.Set<OfficerAssignment>().IgnoreQueryFilters().AnyAsync(a => a.ZoneId == zone.Key, cancellationToken)) continue;
            var officer = zone.First().Id;
            var served = await db.Users.AsNoTracking().Where(u => u.ZoneId == zone.Key && u.EnterpriseId != null).Select(u => u.EnterpriseId!.Value).ToListAsync(cancellationToken);
            // The registry is read through its contract, acting as a system principal of the zone (its context filters by zone).
            await using (var scope = scopes.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, "demo-seeder"), new Claim(PlatformClaims.ZoneId, zone.Key.ToString())], authenticationType: "system")));
                var page = await scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>().SearchAsync(null, 0, DemoEnterprises, cancellationToken);
                served.AddRange(page.Items.Select(e => e.Id));
            }
            db.UseZone(zone.Key);
            var now = time.GetUtcNow();
            foreach (var enterpriseId in served.Distinct())
            {
                db.Add(new OfficerAssignment { ZoneId = zone.Key, EnterpriseId = enterpriseId, OfficerUserId = officer, Since = now });
                db.Add(new OfficerAssignmentChange { ZoneId = zone.Key, EnterpriseId = enterpriseId, OfficerUserId = officer, At = now, ByName = "demo data", Reason = "demo data" });
            }
            db.AuditReason = "demo data: chief service officers";
            await db.SaveChangesAsync(cancellationToken);
        }
        db.UseAllZones();
    }
}
