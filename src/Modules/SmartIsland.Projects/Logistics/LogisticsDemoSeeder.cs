using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Register;

namespace SmartIsland.Projects.Logistics;

/// <summary>
/// The demo 临港物流产业园区's "三库一单" (seeds: 《临港物流产业园区为物流企业"双12"保驾护航》): its two logistics
/// enterprises of the registry, their vehicles and drivers (fictional names, synthetic ID numbers whose check digit
/// holds), and their "双12" transport demands. Passes are not seeded: issuing one is the demo's to do.
/// </summary>
internal sealed class LogisticsDemoSeeder(IOrganisationDirectory organisation, IServiceScopeFactory scopes) : IModuleSeeder
{
    public int Order => 170; // after the demo register (160)

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        if (!options.DemoData) return;
        if (await organisation.ZoneByDivisionAsync("410471", cancellationToken) is not { } zone) return;
        if (await db.Set<Carrier>().IgnoreQueryFilters().AnyAsync(c => c.ZoneId == zone.Id, cancellationToken)) return;
        var (parks, enterprises) = await ProjectDemoSeeder.ReadZoneAsync(scopes, zone.Id, cancellationToken);
        var park = parks.GetValueOrDefault("临港物流产业园区");
        (string Name, CarrierKind Kind, string[] Plates, (string Name, string Id17)[] Drivers, int Needed)[] carriers =
        [
            ("高新智慧物流园", CarrierKind.Warehousing, ["豫D3K721", "豫D5M206", "豫DD18820"], [("周师傅", "41040219820516301"), ("吴师傅", "41040319880211452")], 6),
            ("平顶山亿成再生资源", CarrierKind.Freight, ["豫D7A351", "豫D2C918"], [("郑师傅", "41042219790903117")], 3),
        ];
        db.UseZone(zone.Id);
        foreach (var c in carriers)
        {
            if (!enterprises.TryGetValue(c.Name, out var enterpriseId)) continue;
            var identity = await IdentityAsync(zone.Id, enterpriseId, cancellationToken);
            var carrier = new Carrier { ZoneId = zone.Id, EnterpriseId = enterpriseId, Name = c.Name, CreditCode = identity ?? "", Kind = c.Kind, ParkId = park == Guid.Empty ? null : park, Liaison = "园区包保联络员" };
            db.Add(carrier);
            var i = 0;
            foreach (var plate in c.Plates)
            {
                db.Add(new Vehicle
                {
                    ZoneId = zone.Id, CarrierId = carrier.Id, Plate = plate, Kind = i == 0 ? VehicleKind.MediumTruck : VehicleKind.LightTruck,
                    Emission = plate.Length == 8 ? Emission.NewEnergy : Emission.China6, RatedLoad = i++ == 0 ? 12m : 4.5m,
                });
            }
            foreach (var d in c.Drivers)
                db.Add(new Driver { ZoneId = zone.Id, CarrierId = carrier.Id, Name = d.Name, IdNumber = d.Id17 + Codes.Domain.IdCardNumber.CheckCharacter(d.Id17), Phone = "1390375" + d.Id17[^4..], LicenceClass = "B2" });
            db.Add(new TransportDemand
            {
                ZoneId = zone.Id, CarrierId = carrier.Id, Title = "“双12”旺季快件与货物运输", Cargo = c.Kind == CarrierKind.Freight ? "再生物资" : "快件",
                From = new DateOnly(2026, 12, 8), To = new DateOnly(2026, 12, 15), VehiclesNeeded = c.Needed, Route = "园区—城区主要配送点", PeakTag = "双12",
            });
        }
        db.AuditReason = "demo data: logistics libraries of 临港物流产业园区";
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string?> IdentityAsync(Guid zoneId, Guid enterpriseId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Platform.Tenancy.CurrentUser>().Set(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, "demo-seeder"), new System.Security.Claims.Claim(Platform.Security.PlatformClaims.ZoneId, zoneId.ToString())], authenticationType: "system")));
        return (await scope.ServiceProvider.GetRequiredService<Enterprises.Features.IEnterpriseDirectory>().IdentityAsync(enterpriseId, null, ct))?.CreditCode;
    }
}
