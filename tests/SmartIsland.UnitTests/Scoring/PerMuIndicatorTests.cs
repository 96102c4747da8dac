using Shouldly;
using SmartIsland.Cultivation.Performance;
using SmartIsland.Enterprises.Features;

namespace SmartIsland.UnitTests.Scoring;

/// <summary>The per-mu formulas of rules-reference.md §4.1 on hand-computed figures (money in yuan, shown in 万元).</summary>
public sealed class PerMuIndicatorTests
{
    private static (decimal? Value, string? Missing) Of(string key, YearFigures f) => PerMuIndicators.Find(key)!.Compute(f);

    [Fact]
    public void Tax_per_mu_is_tax_in_wan_yuan_over_land()
    {
        Of(PerMuIndicators.TaxPerMu, new YearFigures { TaxPaid = 2_409_700m, LandMu = 10m }).ShouldBe((24.097m, null)); // 台州黄岩's 2023 benchmark
        Of(PerMuIndicators.TaxPerMu, new YearFigures { TaxPaid = 1_000_000m, LandMu = 3m }).Value.ShouldBe(33.3333m);
    }

    [Fact]
    public void Without_land_or_with_zero_land_the_per_mu_values_are_missing_with_the_reason_not_an_error()
    {
        Of(PerMuIndicators.TaxPerMu, new YearFigures { TaxPaid = 1_000_000m }).ShouldBe((null, "MissingLand"));
        Of(PerMuIndicators.RevenuePerMu, new YearFigures { Revenue = 1_000_000m, LandMu = 0m }).ShouldBe((null, "MissingLand"));
        Of(PerMuIndicators.ValueAddedPerMu, new YearFigures { LandMu = 5m }).ShouldBe((null, "MissingValueAdded"));
    }

    [Fact]
    public void Value_added_per_tce_and_labour_productivity_divide_value_added()
    {
        Of(PerMuIndicators.ValueAddedPerEnergy, new YearFigures { ValueAdded = 20_000_000m, EnergyUseTce = 500m }).Value.ShouldBe(4m);
        Of(PerMuIndicators.ValueAddedPerEnergy, new YearFigures { ValueAdded = 20_000_000m }).Missing.ShouldBe("MissingEnergy");
        Of(PerMuIndicators.LabourProductivity, new YearFigures { ValueAdded = 30_000_000m, Employees = 120 }).Value.ShouldBe(25m);
    }

    [Fact]
    public void RD_ratio_is_over_main_business_revenue_and_over_revenue_when_that_is_not_given()
    {
        Of(PerMuIndicators.RdRatio, new YearFigures { RdExpense = 3_100_000m, MainBusinessRevenue = 100_000_000m, Revenue = 50_000_000m }).Value.ShouldBe(3.1m);
        Of(PerMuIndicators.RdRatio, new YearFigures { RdExpense = 3_100_000m, Revenue = 50_000_000m }).Value.ShouldBe(6.2m);
        Of(PerMuIndicators.RdRatio, new YearFigures { Revenue = 50_000_000m }).Missing.ShouldBe("MissingRdExpense");
    }

    [Fact]
    public void The_illustrative_default_scheme_is_valid_and_adds_up_to_100() =>
        SmartIsland.Scoring.Engine.SchemeValidator.Validate(PerformanceDefaults.Scheme).ShouldBeEmpty();
}
