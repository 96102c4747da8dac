using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.IntegrationTests.Support;

/// <summary>
/// Arranges enterprises with figures, titles and declared facts straight in the database (the registry's own
/// API is tested elsewhere); tests then act only through HTTP. Codes are fresh per call so tests do not collide.
/// </summary>
internal static class EnterpriseSeeds
{
    public static string NewCreditCode()
    {
        var first17 = "91410400MA" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return first17 + SmartIsland.Codes.Domain.CreditCode.CheckCharacter(first17);
    }

    public static async Task<Guid> ZoneIdAsync(PlatformFactory factory, string division = "410471")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
        return await db.Set<Zone>().Where(z => z.DivisionCode == division).Select(z => z.Id).FirstAsync();
    }

    /// <summary>Adds an enterprise with the given yearly figures and declared facts ("true"/"false"/numbers).</summary>
    public static async Task<Enterprise> AddAsync(
        PlatformFactory factory, string name, IEnumerable<YearlyIndicator> years, IDictionary<string, string>? facts = null,
        IEnumerable<Qualification>? titles = null, DateOnly? registeredOn = null, string division = "410471")
    {
        var zone = await ZoneIdAsync(factory, division);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync();
        db.UseZone(zone);
        var e = new Enterprise
        {
            ZoneId = zone, CreditCode = NewCreditCode(), Name = name, IndustryCode = "C3825",
            RegisteredOn = registeredOn ?? new DateOnly(2015, 3, 1),
        };
        db.Add(e);
        foreach (var y in years)
        {
            y.ZoneId = zone;
            y.EnterpriseId = e.Id;
            db.Add(y);
        }
        foreach (var (key, value) in facts ?? new Dictionary<string, string>())
            db.Add(new EnterpriseFact { ZoneId = zone, EnterpriseId = e.Id, Key = key, Value = value, Evidence = "测试证据", DeclaredOn = new DateOnly(2026, 1, 5) });
        foreach (var t in titles ?? [])
        {
            t.ZoneId = zone;
            t.EnterpriseId = e.Id;
            db.Add(t);
        }
        db.AuditReason = "test arrangement";
        await db.SaveChangesAsync();
        return e;
    }

    /// <summary>A small technology firm that meets 科技型中小企业 with 70 points once its three facts are declared.</summary>
    public static YearlyIndicator SmallTechYear(int year = 2025, decimal rd = 600_000) => new()
    {
        Year = year, Revenue = 10_000_000, RdExpense = rd, DomesticRdExpense = rd, TotalCost = 8_000_000, TotalAssets = 20_000_000,
        TotalLiabilities = 8_000_000, Employees = 100, TechStaff = 30, InventionPatents = 0, UtilityModelPatents = 0,
        DesignPatents = 0, SoftwareCopyrights = 0, TotalIncome = 10_000_000, HighTechProductRevenue = 7_000_000,
        MainBusinessRevenue = 9_000_000, TechConversions = 2,
    };

    public static readonly Dictionary<string, string> TechSmeFacts = new()
    {
        ["resident"] = "true", ["permittedIndustry"] = "true", ["techSme.cleanRecord"] = "true",
    };
}
