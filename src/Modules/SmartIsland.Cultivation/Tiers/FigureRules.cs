using Microsoft.Extensions.Localization;
using SmartIsland.Cultivation.Resources;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>
/// What makes a year's figures impossible, for profiles sent to the evaluation API (the registry checks what
/// enterprises submit with the same relations). Every problem is reported at once, by field.
/// </summary>
internal static class FigureRules
{
    public static void Check(YearFigures y, string prefix, ValidationErrors errors, IStringLocalizer l)
    {
        if (y.Year is < 2000 or > 2100) errors.Add($"{prefix}.year", l["YearRange", 2100]);
        foreach (var (name, value) in new (string, decimal?)[]
        {
            ("revenue", y.Revenue), ("mainBusinessRevenue", y.MainBusinessRevenue), ("totalIncome", y.TotalIncome),
            ("highTechProductRevenue", y.HighTechProductRevenue), ("rdExpense", y.RdExpense), ("domesticRdExpense", y.DomesticRdExpense),
            ("totalCost", y.TotalCost), ("totalAssets", y.TotalAssets), ("totalLiabilities", y.TotalLiabilities), ("valueAdded", y.ValueAdded),
            ("taxPaid", y.TaxPaid), ("equityFinancing", y.EquityFinancing), ("employees", y.Employees), ("techStaff", y.TechStaff),
            ("rdStaff", y.RdStaff), ("inventionPatents", y.InventionPatents), ("utilityModelPatents", y.UtilityModelPatents),
            ("designPatents", y.DesignPatents), ("softwareCopyrights", y.SoftwareCopyrights), ("techConversions", y.TechConversions),
            ("landMu", y.LandMu), ("energyUseTce", y.EnergyUseTce),
        })
        {
            if (value < 0) errors.Add($"{prefix}.{name}", l["Negative"]);
        }
        if (y.TechStaff > y.Employees) errors.Add($"{prefix}.techStaff", l["TechStaffExceeds"]);
        if (y.RdStaff > y.Employees) errors.Add($"{prefix}.rdStaff", l["RdStaffExceeds"]);
        if (y.RdExpense > y.TotalCost) errors.Add($"{prefix}.rdExpense", l["RdExceedsCost"]);
        if (y.DomesticRdExpense > y.RdExpense) errors.Add($"{prefix}.domesticRdExpense", l["DomesticExceedsRd"]);
        if (y.HighTechProductRevenue > y.TotalIncome) errors.Add($"{prefix}.highTechProductRevenue", l["HighTechExceedsIncome"]);
        if (y.MainBusinessRevenue > y.Revenue) errors.Add($"{prefix}.mainBusinessRevenue", l["MainExceedsRevenue"]);
    }
}
