using SmartIsland.Enterprises.Features;

namespace SmartIsland.Cultivation.Performance;

/// <summary>One per-mu indicator: how it is computed from a year's figures, and why it may be missing.</summary>
public sealed record PerMuIndicator(string Key, string TitleZh, string TitleEn, string Unit, string FormulaZh, string FormulaEn)
{
    internal Func<YearFigures, (decimal? Value, string? Missing)> Compute { get; init; } = _ => (null, null);
}

/// <summary>
/// The indicators a zone's per-mu scheme may use, with the formulas of rules-reference.md §4.1 (台州黄岩; 浙政发〔2018〕5号's six
/// main indicators less the emission one, which the platform holds no figures for). Money is read in yuan and shown in 万元.
/// A value that cannot be computed carries the reason (a message key of PerformanceStrings), never an exception.
/// </summary>
public static class PerMuIndicators
{
    public const string TaxPerMu = "tax-per-mu";
    public const string RevenuePerMu = "revenue-per-mu";
    public const string ValueAddedPerMu = "value-added-per-mu";
    public const string ValueAddedPerEnergy = "value-added-per-tce";
    public const string RdRatio = "rd-ratio";
    public const string LabourProductivity = "labour-productivity";

    private const decimal TenThousand = 10_000m;

    public static readonly IReadOnlyList<PerMuIndicator> All =
    [
        new(TaxPerMu, "亩均税收", "Tax per mu", "万元/亩", "实缴税收 ÷ 用地面积", "tax paid ÷ land area")
        {
            Compute = f => Divide(f.TaxPaid, "MissingTax", f.LandMu, "MissingLand", TenThousand),
        },
        new(RevenuePerMu, "亩均营业收入", "Revenue per mu", "万元/亩", "营业收入 ÷ 用地面积", "revenue ÷ land area")
        {
            Compute = f => Divide(f.Revenue, "MissingRevenue", f.LandMu, "MissingLand", TenThousand),
        },
        new(ValueAddedPerMu, "亩均增加值", "Value added per mu", "万元/亩", "工业增加值 ÷ 用地面积", "value added ÷ land area")
        {
            Compute = f => Divide(f.ValueAdded, "MissingValueAdded", f.LandMu, "MissingLand", TenThousand),
        },
        new(ValueAddedPerEnergy, "单位能耗增加值", "Value added per tce", "万元/吨标准煤", "工业增加值 ÷ 综合能耗", "value added ÷ energy use")
        {
            Compute = f => Divide(f.ValueAdded, "MissingValueAdded", f.EnergyUseTce, "MissingEnergy", TenThousand),
        },
        new(RdRatio, "R&D经费占比", "R&D ratio", "%", "R&D经费支出 ÷ 主营业务收入（无主营业务收入时用营业收入）× 100",
            "R&D expense ÷ main business revenue (revenue when it is not given) × 100")
        {
            Compute = f => Divide(f.RdExpense, "MissingRdExpense", f.MainBusinessRevenue ?? f.Revenue, "MissingRevenue", 0.01m),
        },
        new(LabourProductivity, "全员劳动生产率", "Labour productivity", "万元/人", "工业增加值 ÷ 从业人员", "value added ÷ employees")
        {
            Compute = f => Divide(f.ValueAdded, "MissingValueAdded", f.Employees, "MissingEmployees", TenThousand),
        },
    ];

    public static PerMuIndicator? Find(string key) => All.FirstOrDefault(i => i.Key == key);

    /// <summary>numerator ÷ denominator ÷ scale, to 4 decimals; a missing or zero denominator is said, not divided by.</summary>
    private static (decimal?, string?) Divide(decimal? numerator, string missingNumerator, decimal? denominator, string missingDenominator, decimal scale)
    {
        if (denominator is not > 0) return (null, missingDenominator);
        if (numerator is null) return (null, missingNumerator);
        return (Math.Round(numerator.Value / scale / denominator.Value, 4, MidpointRounding.AwayFromZero), null);
    }
}
