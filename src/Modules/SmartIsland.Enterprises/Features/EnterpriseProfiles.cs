using Microsoft.EntityFrameworkCore;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Enterprises.Features;

/// <summary>One year's figures as other modules read them (money in yuan; see <see cref="YearlyIndicator"/>).</summary>
public sealed record YearFigures
{
    public int Year { get; init; }
    public IndicatorStatus Status { get; init; }
    public decimal? Revenue { get; init; }
    public decimal? MainBusinessRevenue { get; init; }
    public decimal? TotalIncome { get; init; }
    public decimal? HighTechProductRevenue { get; init; }
    public decimal? RdExpense { get; init; }
    public decimal? DomesticRdExpense { get; init; }
    public decimal? TotalCost { get; init; }
    public decimal? TotalAssets { get; init; }
    public decimal? TotalLiabilities { get; init; }
    public decimal? NetProfit { get; init; }
    public decimal? ValueAdded { get; init; }
    public decimal? TaxPaid { get; init; }
    public decimal? EquityFinancing { get; init; }
    public int? Employees { get; init; }
    public int? TechStaff { get; init; }
    public int? RdStaff { get; init; }
    public int? InventionPatents { get; init; }
    public int? UtilityModelPatents { get; init; }
    public int? DesignPatents { get; init; }
    public int? SoftwareCopyrights { get; init; }
    public int? TechConversions { get; init; }
    public decimal? LandMu { get; init; }
    public decimal? EnergyUseTce { get; init; }
}

/// <summary>Year-to-date figures at the end of a quarter (累计), for quarterly monitoring.</summary>
public sealed record QuarterFigures(int Year, int Quarter, decimal? Revenue, decimal? MainBusinessRevenue, decimal? TaxPaid,
    decimal? ValueAdded, decimal? RdExpense, decimal? EnergyUseTce, int? Employees);

/// <summary>A declared fact as other modules read it: key, raw value, evidence and date.</summary>
public sealed record DeclaredFact(string Key, string Value, string? Evidence, DateOnly DeclaredOn);

/// <summary>A title held, with its validity.</summary>
public sealed record HeldQualification(QualificationKind Kind, DateOnly? ValidFrom, DateOnly? ValidUntil)
{
    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidUntil is null || day <= ValidUntil);
}

/// <summary>Everything rules and scoring need to know of one enterprise, read in one go.</summary>
public sealed record EnterpriseProfile(
    Guid Id, Guid ZoneId, string CreditCode, string Name, string IndustryCode, Guid? ParkId, DateOnly? RegisteredOn,
    IReadOnlyList<HeldQualification> Qualifications, IReadOnlyList<YearFigures> Years, IReadOnlyList<DeclaredFact> Facts)
{
    /// <summary>Quarterly year-to-date figures, oldest first (empty where the enterprise reports only yearly).</summary>
    public IReadOnlyList<QuarterFigures> Quarters { get; init; } = [];
}

/// <summary>
/// The registry's contract for modules that evaluate enterprises (tiers, per-mu efficiency, policies).
/// Reads are in the current zone; access checks are the caller's (it knows what it shows to whom).
/// </summary>
public interface IEnterpriseProfiles
{
    Task<EnterpriseProfile?> GetAsync(Guid enterpriseId, CancellationToken cancellationToken = default);

    Task<EnterpriseProfile?> FindByCreditCodeAsync(string creditCode, CancellationToken cancellationToken = default);

    /// <summary>Every enterprise of the current zone, in id order, read in batches (for screening 100,000 at a time).</summary>
    IAsyncEnumerable<EnterpriseProfile> StreamZoneAsync(CancellationToken cancellationToken = default);

    /// <summary>Every zone that has at least one enterprise (system work across zones: nightly screening).</summary>
    Task<IReadOnlyList<Guid>> ZonesWithEnterprisesAsync(CancellationToken cancellationToken = default);
}

internal sealed class EnterpriseProfiles(IDbContextFactory<PlatformDbContext> dbs) : IEnterpriseProfiles
{
    public async Task<EnterpriseProfile?> GetAsync(Guid enterpriseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var list = await LoadAsync(db, db.Set<Enterprise>().Where(e => e.Id == enterpriseId), cancellationToken);
        return list.FirstOrDefault();
    }

    public async Task<EnterpriseProfile?> FindByCreditCodeAsync(string creditCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var code = creditCode.Trim().ToUpperInvariant();
        var list = await LoadAsync(db, db.Set<Enterprise>().Where(e => e.CreditCode == code), cancellationToken);
        return list.FirstOrDefault();
    }

    public async IAsyncEnumerable<EnterpriseProfile> StreamZoneAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // One pass over each of the four tables, the four at once on their own connections, projected straight
        // into the contract's records: for 100,000 enterprises a few seconds and a few hundred MB, where
        // batches of IN-lists cost three times as long (docs/benchmarks.md, tiers).
        var heads = ReadAsync(db => db.Set<Enterprise>().AsNoTracking()
            .Select(e => new Head(e.Id, e.ZoneId, e.CreditCode, e.Name, e.IndustryCode, e.ParkId, e.RegisteredOn)).ToListAsync(cancellationToken));
        var years = ReadAsync(db => db.Set<YearlyIndicator>().AsNoTracking().Select(Figures).ToListAsync(cancellationToken));
        var quals = ReadAsync(db => db.Set<Qualification>().AsNoTracking()
            .Select(q => new { q.EnterpriseId, Held = new HeldQualification(q.Kind, q.ValidFrom, q.ValidUntil) }).ToListAsync(cancellationToken));
        var facts = ReadAsync(db => db.Set<EnterpriseFact>().AsNoTracking()
            .Select(f => new { f.EnterpriseId, Fact = new DeclaredFact(f.Key, f.Value, f.Evidence, f.DeclaredOn) }).ToListAsync(cancellationToken));
        var quarters = ReadAsync(db => db.Set<QuarterlyIndicator>().AsNoTracking().Select(Quarter).ToListAsync(cancellationToken));
        await Task.WhenAll(heads, years, quals, facts, quarters);
        var quartersOf = quarters.Result.ToLookup(q => q.EnterpriseId, q => q.Figures);
        var yearsOf = years.Result.ToLookup(y => y.EnterpriseId, y => y.Figures);
        var qualsOf = quals.Result.ToLookup(q => q.EnterpriseId, q => q.Held);
        var factsOf = facts.Result.ToLookup(f => f.EnterpriseId, f => f.Fact);
        foreach (var h in heads.Result.OrderBy(h => h.Id))
        {
            yield return new EnterpriseProfile(h.Id, h.ZoneId, h.CreditCode, h.Name, h.IndustryCode, h.ParkId, h.RegisteredOn,
                qualsOf[h.Id].ToList(), yearsOf[h.Id].OrderBy(y => y.Year).ToList(), factsOf[h.Id].ToList())
            {
                Quarters = quartersOf[h.Id].OrderBy(q => q.Year).ThenBy(q => q.Quarter).ToList(),
            };
        }
    }

    public async Task<IReadOnlyList<Guid>> ZonesWithEnterprisesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<Enterprise>().IgnoreQueryFilters().AsNoTracking().Select(e => e.ZoneId).Distinct().ToListAsync(cancellationToken);
    }

    private async Task<T> ReadAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await query(db);
    }

    private sealed record Head(Guid Id, Guid ZoneId, string CreditCode, string Name, string IndustryCode, Guid? ParkId, DateOnly? RegisteredOn);

    private sealed record OwnedFigures(Guid EnterpriseId, YearFigures Figures);

    private sealed record OwnedQuarter(Guid EnterpriseId, QuarterFigures Figures);

    private static readonly System.Linq.Expressions.Expression<Func<QuarterlyIndicator, OwnedQuarter>> Quarter = q => new OwnedQuarter(q.EnterpriseId,
        new QuarterFigures(q.Year, q.Quarter, q.Revenue, q.MainBusinessRevenue, q.TaxPaid, q.ValueAdded, q.RdExpense, q.EnergyUseTce, q.Employees));

    private static readonly System.Linq.Expressions.Expression<Func<YearlyIndicator, OwnedFigures>> Figures = i => new OwnedFigures(i.EnterpriseId, new YearFigures
    {
        Year = i.Year, Status = i.Status, Revenue = i.Revenue, MainBusinessRevenue = i.MainBusinessRevenue, TotalIncome = i.TotalIncome,
        HighTechProductRevenue = i.HighTechProductRevenue, RdExpense = i.RdExpense, DomesticRdExpense = i.DomesticRdExpense,
        TotalCost = i.TotalCost, TotalAssets = i.TotalAssets, TotalLiabilities = i.TotalLiabilities, NetProfit = i.NetProfit,
        ValueAdded = i.ValueAdded, TaxPaid = i.TaxPaid, EquityFinancing = i.EquityFinancing, Employees = i.Employees,
        TechStaff = i.TechStaff, RdStaff = i.RdStaff, InventionPatents = i.InventionPatents, UtilityModelPatents = i.UtilityModelPatents,
        DesignPatents = i.DesignPatents, SoftwareCopyrights = i.SoftwareCopyrights, TechConversions = i.TechConversions,
        LandMu = i.LandMu, EnergyUseTce = i.EnergyUseTce,
    });

    private static async Task<List<EnterpriseProfile>> LoadAsync(PlatformDbContext db, IQueryable<Enterprise> which, CancellationToken ct)
    {
        var heads = await which.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.ZoneId, e.CreditCode, e.Name, e.IndustryCode, e.ParkId, e.RegisteredOn })
            .ToListAsync(ct);
        if (heads.Count == 0) return [];
        var ids = heads.Select(h => h.Id).ToList();
        var years = (await db.Set<YearlyIndicator>().AsNoTracking().Where(i => ids.Contains(i.EnterpriseId)).Select(Figures).ToListAsync(ct))
            .ToLookup(i => i.EnterpriseId, i => i.Figures);
        var quals = (await db.Set<Qualification>().AsNoTracking().Where(q => ids.Contains(q.EnterpriseId)).ToListAsync(ct))
            .ToLookup(q => q.EnterpriseId);
        var facts = (await db.Set<EnterpriseFact>().AsNoTracking().Where(f => ids.Contains(f.EnterpriseId)).ToListAsync(ct))
            .ToLookup(f => f.EnterpriseId);
        var quarters = (await db.Set<QuarterlyIndicator>().AsNoTracking().Where(q => ids.Contains(q.EnterpriseId)).Select(Quarter).ToListAsync(ct))
            .ToLookup(q => q.EnterpriseId, q => q.Figures);
        return heads.Select(h => new EnterpriseProfile(
            h.Id, h.ZoneId, h.CreditCode, h.Name, h.IndustryCode, h.ParkId, h.RegisteredOn,
            quals[h.Id].Select(q => new HeldQualification(q.Kind, q.ValidFrom, q.ValidUntil)).ToList(),
            years[h.Id].OrderBy(i => i.Year).ToList(),
            facts[h.Id].Select(f => new DeclaredFact(f.Key, f.Value, f.Evidence, f.DeclaredOn)).ToList())
        {
            Quarters = quarters[h.Id].OrderBy(q => q.Year).ThenBy(q => q.Quarter).ToList(),
        }).ToList();
    }
}
