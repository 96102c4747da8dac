using System.Globalization;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Rules.Engine;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>
/// Turns what the registry knows of an enterprise into the rules engine's fact sheet: yearly figures under the
/// engine's names, the titles it holds on the day, how long it has operated, and what it declared.
/// </summary>
public static class TierFacts
{
    /// <summary>The year the rules look at on a day: the last complete year ("上一年度").</summary>
    public static int DefaultYear(DateOnly asOf) => asOf.Year - 1;

    public static FactSheet From(EnterpriseProfile p, DateOnly asOf, int year)
    {
        var sheet = new FactSheet(year, asOf, p.RegisteredOn?.Year, RuleSetLibrary.YearlyNames);
        foreach (var y in p.Years)
        {
            if (y.Year > year || y.Year < year - 4) continue;
            Fill(sheet, y);
        }
        if (p.RegisteredOn is { } registered) sheet.SetFact("operatingDays", asOf.DayNumber - registered.DayNumber);
        sheet.SetFact("evaluationYear", year);
        foreach (var (kind, fact) in Held)
        {
            var valid = p.Qualifications.Where(q => q.Kind == kind && q.IsValidOn(asOf)).ToList();
            sheet.SetFact(fact, valid.Count > 0);
            if (valid.Select(q => q.ValidFrom).Where(d => d is not null).Min() is { } since)
                sheet.SetFact("since." + fact["holds.".Length..], since.Year);
        }
        foreach (var f in p.Facts)
        {
            if (ParseValue(f.Value) is { } v) sheet.SetFact(f.Key, v);
        }
        return sheet;
    }

    public static void Fill(FactSheet sheet, YearFigures y)
    {
        var year = y.Year;
        sheet.SetYearly("revenue", year, y.Revenue)
            .SetYearly("mainBusinessRevenue", year, y.MainBusinessRevenue)
            .SetYearly("totalIncome", year, y.TotalIncome)
            .SetYearly("highTechProductRevenue", year, y.HighTechProductRevenue)
            .SetYearly("rdExpense", year, y.RdExpense)
            .SetYearly("domesticRdExpense", year, y.DomesticRdExpense)
            .SetYearly("totalCost", year, y.TotalCost)
            .SetYearly("totalAssets", year, y.TotalAssets)
            .SetYearly("totalLiabilities", year, y.TotalLiabilities)
            .SetYearly("netAssets", year, y.TotalAssets - y.TotalLiabilities)
            .SetYearly("netProfit", year, y.NetProfit)
            .SetYearly("valueAdded", year, y.ValueAdded)
            .SetYearly("taxPaid", year, y.TaxPaid)
            .SetYearly("equityFinancing", year, y.EquityFinancing)
            .SetYearly("employees", year, y.Employees)
            .SetYearly("techStaff", year, y.TechStaff)
            .SetYearly("rdStaff", year, y.RdStaff)
            .SetYearly("inventionPatents", year, y.InventionPatents)
            .SetYearly("classTwoIp", year, ClassTwo(y))
            .SetYearly("techConversions", year, y.TechConversions)
            .SetYearly("landMu", year, y.LandMu)
            .SetYearly("energyUseTce", year, y.EnergyUseTce);
    }

    /// <summary>Ⅱ类知识产权: utility models, designs and software copyrights (trademarks never count). Unknown only when none is given.</summary>
    private static int? ClassTwo(YearFigures y) =>
        y.UtilityModelPatents is null && y.DesignPatents is null && y.SoftwareCopyrights is null
            ? null
            : (y.UtilityModelPatents ?? 0) + (y.DesignPatents ?? 0) + (y.SoftwareCopyrights ?? 0);

    public static decimal? ParseValue(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "true" => 1m,
        "false" => 0m,
        { } s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>Which registry title answers which <c>holds.*</c> fact.</summary>
    public static readonly IReadOnlyList<(QualificationKind Kind, string Fact)> Held =
    [
        (QualificationKind.TechSme, "holds.techSme"),
        (QualificationKind.HighTechEnterprise, "holds.hnte"),
        (QualificationKind.InnovativeSme, "holds.innovativeSme"),
        (QualificationKind.SrdiSme, "holds.srdiSme"),
        (QualificationKind.LittleGiant, "holds.littleGiant"),
        (QualificationKind.Listed, "holds.listed"),
    ];

    /// <summary>The title a tier rule set leads to, for "already held" on the pages and pools.</summary>
    public static QualificationKind? TitleOf(string ruleSetCode) => ruleSetCode switch
    {
        "techSme" => QualificationKind.TechSme,
        "hnte" => QualificationKind.HighTechEnterprise,
        "innovativeSme" => QualificationKind.InnovativeSme,
        "srdiSme" => QualificationKind.SrdiSme,
        "littleGiant" => QualificationKind.LittleGiant,
        _ => null,
    };
}
