namespace SmartIsland.Enterprises.Domain;

public enum FigureUnit
{
    Yuan,
    People,
    Items,
    Mu,
    Tce,
}

/// <summary>How the form and the detail page group a year's figures.</summary>
public enum FigureGroup
{
    Income,
    Rd,
    Assets,
    People,
    IntellectualProperty,
    LandEnergy,
}

/// <summary>One figure of <see cref="YearlyIndicator"/>: its API/Excel key, group, unit and accessors.</summary>
public sealed record IndicatorField(
    string Key, FigureGroup Group, FigureUnit Unit,
    Func<YearlyIndicator, decimal?> Get, Action<YearlyIndicator, decimal?> Set, bool MayBeNegative = false)
{
    public bool Whole => Unit is FigureUnit.People or FigureUnit.Items;
}

/// <summary>
/// Every figure of a year in one list, so validation, corrections (old → new), the Excel columns and
/// the form cannot forget one. Keys are the JSON names of <c>IndicatorInput</c>.
/// </summary>
public static class IndicatorFields
{
    public static readonly IReadOnlyList<IndicatorField> All =
    [
        new("revenue", FigureGroup.Income, FigureUnit.Yuan, i => i.Revenue, (i, v) => i.Revenue = v),
        new("mainBusinessRevenue", FigureGroup.Income, FigureUnit.Yuan, i => i.MainBusinessRevenue, (i, v) => i.MainBusinessRevenue = v),
        new("totalIncome", FigureGroup.Income, FigureUnit.Yuan, i => i.TotalIncome, (i, v) => i.TotalIncome = v),
        new("highTechProductRevenue", FigureGroup.Income, FigureUnit.Yuan, i => i.HighTechProductRevenue, (i, v) => i.HighTechProductRevenue = v),
        // A loss is a negative net profit; 专精特新 scoring bands 净利润率 below 2% (rules-reference.md §3), so it must be recordable.
        new("netProfit", FigureGroup.Income, FigureUnit.Yuan, i => i.NetProfit, (i, v) => i.NetProfit = v, MayBeNegative: true),
        new("valueAdded", FigureGroup.Income, FigureUnit.Yuan, i => i.ValueAdded, (i, v) => i.ValueAdded = v),
        new("taxPaid", FigureGroup.Income, FigureUnit.Yuan, i => i.TaxPaid, (i, v) => i.TaxPaid = v),
        new("rdExpense", FigureGroup.Rd, FigureUnit.Yuan, i => i.RdExpense, (i, v) => i.RdExpense = v),
        new("domesticRdExpense", FigureGroup.Rd, FigureUnit.Yuan, i => i.DomesticRdExpense, (i, v) => i.DomesticRdExpense = v),
        new("totalCost", FigureGroup.Rd, FigureUnit.Yuan, i => i.TotalCost, (i, v) => i.TotalCost = v),
        new("totalAssets", FigureGroup.Assets, FigureUnit.Yuan, i => i.TotalAssets, (i, v) => i.TotalAssets = v),
        new("totalLiabilities", FigureGroup.Assets, FigureUnit.Yuan, i => i.TotalLiabilities, (i, v) => i.TotalLiabilities = v),
        new("equityFinancing", FigureGroup.Assets, FigureUnit.Yuan, i => i.EquityFinancing, (i, v) => i.EquityFinancing = v),
        new("employees", FigureGroup.People, FigureUnit.People, i => i.Employees, (i, v) => i.Employees = ToInt(v)),
        new("techStaff", FigureGroup.People, FigureUnit.People, i => i.TechStaff, (i, v) => i.TechStaff = ToInt(v)),
        new("rdStaff", FigureGroup.People, FigureUnit.People, i => i.RdStaff, (i, v) => i.RdStaff = ToInt(v)),
        new("inventionPatents", FigureGroup.IntellectualProperty, FigureUnit.Items, i => i.InventionPatents, (i, v) => i.InventionPatents = ToInt(v)),
        new("utilityModelPatents", FigureGroup.IntellectualProperty, FigureUnit.Items, i => i.UtilityModelPatents, (i, v) => i.UtilityModelPatents = ToInt(v)),
        new("designPatents", FigureGroup.IntellectualProperty, FigureUnit.Items, i => i.DesignPatents, (i, v) => i.DesignPatents = ToInt(v)),
        new("softwareCopyrights", FigureGroup.IntellectualProperty, FigureUnit.Items, i => i.SoftwareCopyrights, (i, v) => i.SoftwareCopyrights = ToInt(v)),
        new("techConversions", FigureGroup.IntellectualProperty, FigureUnit.Items, i => i.TechConversions, (i, v) => i.TechConversions = ToInt(v)),
        new("landMu", FigureGroup.LandEnergy, FigureUnit.Mu, i => i.LandMu, (i, v) => i.LandMu = v),
        new("energyUseTce", FigureGroup.LandEnergy, FigureUnit.Tce, i => i.EnergyUseTce, (i, v) => i.EnergyUseTce = v),
    ];

    private static readonly Dictionary<string, IndicatorField> ByKey = All.ToDictionary(f => f.Key, StringComparer.Ordinal);

    public static IndicatorField Get(string key) => ByKey[key];

    public static bool HasAny(YearlyIndicator i) => All.Any(f => f.Get(i) is not null);

    public static void Copy(YearlyIndicator from, YearlyIndicator to)
    {
        foreach (var f in All) f.Set(to, f.Get(from));
    }

    private static int? ToInt(decimal? v) => v is { } d ? (int)d : null;
}
