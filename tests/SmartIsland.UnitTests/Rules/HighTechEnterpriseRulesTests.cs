using Shouldly;
using SmartIsland.Rules.Engine;
using Xunit;

namespace SmartIsland.UnitTests.Rules;

/// <summary>高新技术企业 (国科发火〔2016〕32号 第十一条 and 195号 工作指引), each threshold at, above and below its edge.</summary>
public sealed class HighTechEnterpriseRulesTests
{
    /// <summary>Meets every hard condition: 4,000万 sales a year, R&amp;D 5% (= the ≤5,000万 band exactly), 20% tech staff, 70% high-tech income.</summary>
    private static Profile Qualifying() => new Profile()
        .Fact("operatingDays", 4000)
        .Each("revenue", 40_000_000).Each("rdExpense", 2_000_000).Each("domesticRdExpense", 2_000_000)
        .Each("employees", 100).Each("techStaff", 20)
        .Latest("highTechProductRevenue", 28_000_000).Latest("totalIncome", 40_000_000)
        .Latest("inventionPatents", 1).Latest("classTwoIp", 0)
        .Each("techConversions", 5)
        .Years("netAssets", 10_000_000, 12_000_000, 15_000_000)
        .Declare("hnte.keyField", "hnte.noMajorIncident");

    [Fact]
    public void Meeting_every_condition_still_needs_the_experts_score()
    {
        var r = Qualifying().Evaluate("hnte");
        r.ConditionsMet.ShouldBe(true);
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
        // Computable: IP count A 7–8, conversions A 25–30, net assets +22.5% C 5–6, sales flat F 0.
        // Expert: IP items 0–24 (group capped at 30), management 0–20.
        r.Score!.Low.ShouldBe(7 + 25 + 5 + 0);
        r.Score.High.ShouldBe(30 + 30 + 20 + 6 + 0);
        r.Score.Passed.ShouldBeNull();
        r.Item("netAssetGrowth").Value.ShouldBe(0.225m);
    }

    [Fact]
    public void Even_full_expert_marks_declared_give_a_pre_score_never_an_automatic_pass()
    {
        var p = Qualifying();
        foreach (var (item, score) in new[] { ("advancement", 8m), ("coreSupport", 8m), ("acquisition", 6m), ("standardsBonus", 2m), ("rdSystems", 6m), ("rdInstitutions", 6m), ("conversionIncentives", 4m), ("talent", 4m) })
            p.Fact($"score.hnte.{item}", score);
        var r = p.Evaluate("hnte");
        r.Score!.Low.ShouldBeGreaterThanOrEqualTo(71m);
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
    }

    [Fact]
    public void A_score_that_cannot_reach_71_is_not_eligible()
    {
        // One utility model (D 1–2), no conversions, flat figures: at most 8+8+2+6+2 + 0 + 20 + 0 + 0 = 46.
        var r = Qualifying().Latest("inventionPatents", 0).Latest("classTwoIp", 1).Each("techConversions", 0)
            .Each("netAssets", 10_000_000).Evaluate("hnte");
        r.Score!.High.ShouldBe(46);
        r.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Theory]
    [InlineData(2_000_000, true)] // exactly 5%
    [InlineData(1_999_999, false)]
    public void Rd_ratio_at_and_below_five_percent_for_sales_up_to_50_million(int rdPerYear, bool met)
    {
        var r = Qualifying().Each("rdExpense", rdPerYear).Each("domesticRdExpense", rdPerYear).Evaluate("hnte");
        r.Criterion("rdRatio").Threshold.ShouldBe(0.05m);
        r.Criterion("rdRatio").Met.ShouldBe(met);
    }

    [Fact]
    public void Sales_of_exactly_50_million_belong_to_the_five_percent_band()
    {
        // 5,000万 (含) 以下 → 5%. R&D 4.5% meets the 4% band but not this one.
        var r = Qualifying().Each("revenue", 50_000_000).Each("rdExpense", 2_250_000).Each("domesticRdExpense", 2_250_000).Evaluate("hnte");
        r.Criterion("rdRatio").Threshold.ShouldBe(0.05m);
        r.Criterion("rdRatio").Met.ShouldBe(false);
        var above = Qualifying().Each("revenue", 50_000_001).Each("rdExpense", 2_250_000).Each("domesticRdExpense", 2_250_000).Evaluate("hnte");
        above.Criterion("rdRatio").Threshold.ShouldBe(0.04m);
        above.Criterion("rdRatio").Met.ShouldBe(true);
    }

    [Fact]
    public void Sales_of_exactly_200_million_belong_to_the_four_percent_band()
    {
        Qualifying().Latest("revenue", 200_000_000).Evaluate("hnte").Criterion("rdRatio").Threshold.ShouldBe(0.04m);
        Qualifying().Latest("revenue", 200_000_001).Evaluate("hnte").Criterion("rdRatio").Threshold.ShouldBe(0.03m);
    }

    [Fact]
    public void The_band_follows_the_latest_year_while_the_ratio_sums_three_years()
    {
        // Sales 3,000万, 4,000万, 6,000万 (latest > 5,000万 → 4%); R&D 100万 + 160万 + 240万 = 500万 over 13,000万 = 3.846…%.
        var r = Qualifying().Years("revenue", 30_000_000, 40_000_000, 60_000_000).Years("rdExpense", 1_000_000, 1_600_000, 2_400_000)
            .Years("domesticRdExpense", 1_000_000, 1_600_000, 2_400_000).Evaluate("hnte");
        var c = r.Criterion("rdRatio");
        c.Value.ShouldBe(5_000_000m / 130_000_000m);
        c.Threshold.ShouldBe(0.04m);
        c.Met.ShouldBe(false);
        // 4% × 13,000万 − 500万 = 20万 more R&D expense.
        c.GapAs.ShouldBe(200_000m);
        c.GapAsUnit.ShouldBe("yuan");
    }

    [Fact]
    public void A_company_in_its_second_year_sums_the_years_it_has()
    {
        var r = new Profile { FirstYear = 2024 }
            .Fact("operatingDays", 500)
            .Years("revenue", null, 10_000_000, 10_000_000).Years("rdExpense", null, 400_000, 600_000).Years("domesticRdExpense", null, 400_000, 600_000)
            .Declare("hnte.keyField", "hnte.noMajorIncident").Evaluate("hnte");
        r.Criterion("rdRatio").Value.ShouldBe(0.05m); // 100万 / 2,000万
        r.Criterion("rdRatio").Met.ShouldBe(true);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(9, false)]
    public void Tech_staff_at_ten_percent(int techStaff, bool met)
    {
        var c = Qualifying().Latest("techStaff", techStaff).Evaluate("hnte").Criterion("techStaffRatio");
        c.Met.ShouldBe(met);
        if (!met) c.GapAs.ShouldBe(1m); // one more person
    }

    [Theory]
    [InlineData(365, true)]
    [InlineData(364, false)]
    public void Registered_for_365_days(int days, bool met) =>
        Qualifying().Fact("operatingDays", days).Evaluate("hnte").Criterion("registeredOneYear").Met.ShouldBe(met);

    [Theory]
    [InlineData(24_000_000, true)] // 60% of 4,000万
    [InlineData(23_999_999, false)]
    public void High_tech_income_at_sixty_percent(int revenue, bool met) =>
        Qualifying().Latest("highTechProductRevenue", revenue).Evaluate("hnte").Criterion("highTechRevenueShare").Met.ShouldBe(met);

    [Theory]
    [InlineData(1_200_000, true)] // 60% of 200万
    [InlineData(1_199_999, false)]
    public void Domestic_rd_at_sixty_percent(int domestic, bool met) =>
        Qualifying().Each("domesticRdExpense", domestic).Evaluate("hnte").Criterion("domesticRdShare").Met.ShouldBe(met);

    [Fact]
    public void No_ip_fails_the_ip_condition()
    {
        var r = Qualifying().Latest("inventionPatents", 0).Evaluate("hnte");
        r.Criterion("ownsIp").Met.ShouldBe(false);
        r.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Fact]
    public void An_undeclared_key_field_is_needs_confirmation_never_a_guess()
    {
        var r = Qualifying().Without("hnte.keyField").Evaluate("hnte");
        r.Criterion("keyField").Met.ShouldBeNull();
        r.Missing.ShouldContain("hnte.keyField");
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
        Qualifying().Fact("hnte.keyField", 0).Evaluate("hnte").Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Fact]
    public void A_year_with_no_figures_says_what_is_missing()
    {
        var r = new Profile().Fact("operatingDays", 4000).Declare("hnte.keyField", "hnte.noMajorIncident").Evaluate("hnte");
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
        r.Missing.ShouldContain("revenue[2025]");
        r.Missing.ShouldContain("employees[2025]");
    }

    [Fact]
    public void Growth_bands_read_the_computed_rate()
    {
        // ½·(1,200万/1,000万 + 1,350万/1,200万) − 1 = ½·(1.2 + 1.125) − 1 = 0.1625 → C (≥15%) 5–6.
        var r = Qualifying().Years("netAssets", 10_000_000, 12_000_000, 13_500_000).Evaluate("hnte");
        r.Item("netAssetGrowth").Value.ShouldBe(0.1625m);
        r.Item("netAssetGrowth").Band.ShouldBe("C ≥15%");
        (r.Item("netAssetGrowth").Low, r.Item("netAssetGrowth").High).ShouldBe((5m, 6m));
    }

    [Theory]
    [InlineData(135, "A ≥35%")] // flat 100 → 135 → 182.25 gives exactly 35%
    [InlineData(125, "B ≥25%")]
    public void Growth_exactly_at_a_band_edge_belongs_to_that_band(int step, string band)
    {
        decimal a = 100_000_000, b = a * step / 100, c = b * step / 100;
        var r = Qualifying().Years("revenue", a, b, c).Each("rdExpense", 20_000_000).Each("domesticRdExpense", 20_000_000).Evaluate("hnte");
        r.Item("salesGrowth").Value.ShouldBe((decimal)step / 100 - 1);
        r.Item("salesGrowth").Band.ShouldBe(band);
    }

    [Fact]
    public void Growth_of_exactly_zero_scores_nothing()
    {
        var r = Qualifying().Evaluate("hnte"); // flat sales
        r.Item("salesGrowth").Value.ShouldBe(0m);
        r.Item("salesGrowth").Band.ShouldBe("F ≤0");
        r.Item("salesGrowth").High.ShouldBe(0m);
    }
}
