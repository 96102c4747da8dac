using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Resources;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Enterprises.Features;

/// <summary>What a person types for a quarter (year to date, money in yuan). <see cref="Version"/>: the version read, null for a new quarter.</summary>
public sealed class QuarterInput
{
    public decimal? Revenue { get; set; }
    public decimal? MainBusinessRevenue { get; set; }
    public decimal? TaxPaid { get; set; }
    public decimal? ValueAdded { get; set; }
    public decimal? RdExpense { get; set; }
    public decimal? EnergyUseTce { get; set; }
    public int? Employees { get; set; }
    public int? Version { get; set; }
}

public sealed record QuarterView(int Year, int Quarter, decimal? Revenue, decimal? MainBusinessRevenue, decimal? TaxPaid,
    decimal? ValueAdded, decimal? RdExpense, decimal? EnergyUseTce, int? Employees, int Version);

/// <summary>
/// Quarterly figures (累计 to the quarter's end) for 亩均效益 monitoring (issue 4 §6). The enterprise reports its
/// own, editors may too; a quarter not yet ended is refused; every change is audited and versioned.
/// </summary>
public sealed class QuarterlyFigures(IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, IStringLocalizer<EnterpriseStrings> l,
    IStringLocalizer<FigureStrings> f, TimeProvider clock)
{
    public async Task<IReadOnlyList<QuarterView>> ListAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        _ = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["NotFound"]);
        EnterpriseAccess.DemandRead(user, id, l["ForbiddenRead"]);
        return await db.Set<QuarterlyIndicator>().AsNoTracking().Where(q => q.EnterpriseId == id)
            .OrderByDescending(q => q.Year).ThenByDescending(q => q.Quarter)
            .Select(q => new QuarterView(q.Year, q.Quarter, q.Revenue, q.MainBusinessRevenue, q.TaxPaid, q.ValueAdded, q.RdExpense, q.EnergyUseTce, q.Employees, q.Version))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<QuarterView>> SaveAsync(Guid id, int year, int quarter, QuarterInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var enterprise = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(l["NotFound"]);
        EnterpriseAccess.DemandEdit(user, id, l["ForbiddenEdit"]);
        var errors = new ValidationErrors();
        if (quarter is < 1 or > 4) errors.Add("quarter", f["QuarterRange"]);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        // Year-to-date figures exist once the quarter has ended (its last day has passed in China time).
        if (year < 2000 || (quarter is >= 1 and <= 4 && new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1) >= today))
            errors.Add("year", f["QuarterNotEnded"]);
        foreach (var (field, value) in new (string, decimal?)[]
        {
            ("revenue", input.Revenue), ("mainBusinessRevenue", input.MainBusinessRevenue), ("taxPaid", input.TaxPaid),
            ("valueAdded", input.ValueAdded), ("rdExpense", input.RdExpense), ("energyUseTce", input.EnergyUseTce), ("employees", input.Employees),
        })
        {
            if (value < 0) errors.Add(field, f["Negative", FigureText.Name(f, field)]);
            else if (value > EnterpriseFieldRules.MaxFigure) errors.Add(field, f["TooLarge", FigureText.Name(f, field)]);
        }
        if (input.MainBusinessRevenue > input.Revenue)
            errors.Add("mainBusinessRevenue", f["ExceedsWhole", FigureText.Name(f, "mainBusinessRevenue"), FigureText.Name(f, "revenue")]);
        if (input is { Revenue: null, MainBusinessRevenue: null, TaxPaid: null, ValueAdded: null, RdExpense: null, EnergyUseTce: null, Employees: null })
            errors.Add("revenue", f["QuarterEmpty"]);
        errors.ThrowIfAny();
        var row = await db.Set<QuarterlyIndicator>().FirstOrDefaultAsync(q => q.EnterpriseId == id && q.Year == year && q.Quarter == quarter, ct);
        if (row is null)
        {
            if (input.Version is not null) throw new ConflictException("version", l["ConcurrencyConflict"]);
            row = new QuarterlyIndicator { ZoneId = enterprise.ZoneId, EnterpriseId = id, Year = year, Quarter = quarter };
            db.Add(row);
        }
        else
        {
            if (input.Version is null) throw new ConflictException("quarter", f["QuarterExists"]);
            db.Entry(row).Property(q => q.Version).OriginalValue = input.Version.Value;
        }
        row.Revenue = input.Revenue;
        row.MainBusinessRevenue = input.MainBusinessRevenue;
        row.TaxPaid = input.TaxPaid;
        row.ValueAdded = input.ValueAdded;
        row.RdExpense = input.RdExpense;
        row.EnergyUseTce = input.EnergyUseTce;
        row.Employees = input.Employees;
        db.AuditReason = $"quarterly figures {year}Q{quarter}";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["ConcurrencyConflict"]);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            throw new ConflictException("quarter", f["QuarterExists"]);
        }
        return await ListAsync(id, ct);
    }

    public static IEndpointRouteBuilder MapQuarterlyApi(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("Enterprises").RequireAuthorization();
        api.MapGet("/{id:guid}/quarters", async (Guid id, QuarterlyFigures quarters, CancellationToken ct) => TypedResults.Ok(await quarters.ListAsync(id, ct)))
            .WithName("ListQuarterlyFigures").WithSummary("An enterprise's quarterly year-to-date figures, newest first.");
        api.MapPut("/{id:guid}/quarters/{year:int}/{quarter:int}", async (Guid id, int year, int quarter, QuarterInput input, QuarterlyFigures quarters, CancellationToken ct) =>
                TypedResults.Ok(await quarters.SaveAsync(id, year, quarter, input, ct)))
            .WithName("SaveQuarterlyFigures").WithSummary("Adds or corrects a quarter's year-to-date figures (send the version read to correct); for 亩均效益 monitoring.");
        return app;
    }
}
