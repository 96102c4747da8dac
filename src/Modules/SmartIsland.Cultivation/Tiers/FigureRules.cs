using Microsoft.Extensions.Localization;
using SmartIsland.Cultivation.Resources;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;
using SmartIsland.Enterprises.Resources;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>
/// What makes a year's figures impossible, for profiles sent to the evaluation API: negatives, and a part above
/// its whole by the registry's own rules, in the registry's own words. Every problem is reported at once, by field.
/// </summary>
internal static class FigureRules
{
    public static void Check(YearFigures y, string prefix, ValidationErrors errors, IStringLocalizer l, IStringLocalizer<FigureStrings> f)
    {
        if (y.Year is < IndicatorRules.FirstYear or > 2100) errors.Add($"{prefix}.year", l["YearRange", 2100]);
        var values = new Dictionary<string, decimal?>
        {
            ["revenue"] = y.Revenue, ["mainBusinessRevenue"] = y.MainBusinessRevenue, ["totalIncome"] = y.TotalIncome,
            ["highTechProductRevenue"] = y.HighTechProductRevenue, ["rdExpense"] = y.RdExpense, ["domesticRdExpense"] = y.DomesticRdExpense,
            ["totalCost"] = y.TotalCost, ["totalAssets"] = y.TotalAssets, ["totalLiabilities"] = y.TotalLiabilities, ["netProfit"] = y.NetProfit,
            ["valueAdded"] = y.ValueAdded, ["taxPaid"] = y.TaxPaid, ["equityFinancing"] = y.EquityFinancing, ["employees"] = y.Employees,
            ["techStaff"] = y.TechStaff, ["rdStaff"] = y.RdStaff, ["inventionPatents"] = y.InventionPatents, ["utilityModelPatents"] = y.UtilityModelPatents,
            ["designPatents"] = y.DesignPatents, ["softwareCopyrights"] = y.SoftwareCopyrights, ["techConversions"] = y.TechConversions,
            ["landMu"] = y.LandMu, ["energyUseTce"] = y.EnergyUseTce,
        };
        var negative = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            // A loss is a real figure; everything else below zero is a typing error.
            if (value < 0 && name != "netProfit" && negative.Add(name)) errors.Add($"{prefix}.{name}", f["Negative", FigureText.Name(f, name)]);
        }
        // The same part ≤ whole relations the registry checks when an enterprise submits (IndicatorRules, with their sources).
        foreach (var rule in IndicatorRules.Parts)
        {
            if (values.GetValueOrDefault(rule.Part) is { } part && values.GetValueOrDefault(rule.Whole) is { } whole && part > whole
                && !negative.Contains(rule.Part))
                errors.Add($"{prefix}.{rule.Part}", f["ExceedsWhole", FigureText.Name(f, rule.Part), FigureText.Name(f, rule.Whole)]);
        }
    }
}
