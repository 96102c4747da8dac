using Shouldly;
using SmartIsland.Rules.Engine;
using Xunit;

namespace SmartIsland.UnitTests.Rules;

/// <summary>优质中小企业梯度培育: 创新型, 专精特新 and 小巨人 under the 2022 暂行办法, and the 2026 办法 from 2026-04-01.</summary>
public sealed class GradedSmeRulesTests
{
    private static readonly DateOnly Before2026 = new(2026, 3, 31);
    private static readonly DateOnly From2026 = new(2026, 4, 1);

    /// <summary>创新型: Class II IP (5), R&amp;D 5% (20), growth 15% (20), debt 50% (10), strategic field (10), main 70% (20) = 85.</summary>
    private static Profile Innovative() => new Profile { AsOf = Before2026 }
        .Latest("inventionPatents", 0).Latest("classTwoIp", 1)
        .Latest("revenue", 20_000_000).Latest("rdExpense", 1_000_000)
        .Years("mainBusinessRevenue", null, 12_173_913, 14_000_000)
        .Latest("totalAssets", 10_000_000).Latest("totalLiabilities", 5_000_000)
        .Declare("sme", "strategicEmergingField");

    [Fact]
    public void The_2022_rules_apply_until_31_March_2026_and_the_2026_rules_after()
    {
        Innovative().Evaluate("innovativeSme", Before2026).Version.ShouldBe("2022");
        Innovative().Evaluate("innovativeSme", From2026).Version.ShouldBe("2026");
        Innovative().Evaluate("srdiSme", Before2026).Version.ShouldBe("2022");
        Innovative().Evaluate("srdiSme", From2026).Version.ShouldBe("2026");
        Innovative().Evaluate("littleGiant", From2026).Version.ShouldBe("2026");
    }

    [Fact]
    public void Innovative_sme_with_85_points_and_every_group_minimum_is_eligible()
    {
        var r = Innovative().Evaluate("innovativeSme");
        r.Score!.Low.ShouldBe(85);
        r.Outcome.ShouldBe(Outcome.Eligible);
    }

    [Fact]
    public void Innovative_sme_fails_a_group_minimum_even_above_sixty()
    {
        // No IP (0) and R&D 0.9% (0): innovation 0 < 20 though the total is 60.
        var r = Innovative().Latest("classTwoIp", 0).Latest("rdExpense", 180_000).Evaluate("innovativeSme");
        r.Score!.Low.ShouldBe(60);
        r.Score.Groups.Single(g => g.Key == "innovation").High.ShouldBe(0);
        r.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Theory]
    [InlineData(5_500_000, 10)] // exactly 55% → 10 (以下 includes the number)
    [InlineData(5_500_001, 5)]
    [InlineData(7_499_999, 5)]
    [InlineData(7_500_000, 0)] // exactly 75% → 0 (以上 includes the number)
    public void Debt_ratio_edges_follow_the_documented_convention(int liabilities, int points) =>
        Innovative().Latest("totalLiabilities", liabilities).Evaluate("innovativeSme").Item("debtRatio").Low.ShouldBe(points);

    [Theory]
    [InlineData(14_000_000, 20)] // 15% exactly (12,173,913 × 1.15 rounds to 14,000,000: just above)
    [InlineData(13_400_000, 15)] // 10.07%
    [InlineData(13_390_000, 10)] // 9.99%
    [InlineData(12_173_913, 5)] // growth exactly 0 → 5
    [InlineData(12_000_000, 0)]
    public void Growth_bands(int latest, int points) =>
        Innovative().Years("mainBusinessRevenue", null, 12_173_913, latest).Evaluate("innovativeSme").Item("mainGrowth").Low.ShouldBe(points);

    [Theory]
    [InlineData(5_000_000, true)]
    [InlineData(4_999_999, false)]
    public void Five_million_of_equity_in_three_years_qualifies_directly(int total, bool direct)
    {
        var r = Innovative().Latest("classTwoIp", 0).Latest("rdExpense", 0).Fact("innovative.scienceAward", 0).Fact("innovative.otherTitle", 0)
            .Fact("innovative.rdInstitution", 0).Years("equityFinancing", 0, 0, total).Evaluate("innovativeSme");
        r.DirectlyQualified.ShouldBe(direct);
        r.Outcome.ShouldBe(direct ? Outcome.Eligible : Outcome.NotEligible);
    }

    [Fact]
    public void An_invention_patent_without_the_high_value_declaration_leaves_the_ip_item_open()
    {
        var item = Innovative().Latest("inventionPatents", 1).Evaluate("innovativeSme").Item("ip");
        (item.Low, item.High).ShouldBe((0m, 20m));
        item.Missing.ShouldContain("ipHighValueClassOne");
    }

    /// <summary>专精特新 2022: niche 4 years, R&amp;D 100万 = 5% of 2,000万 revenue.</summary>
    private static Profile Srdi() => new Profile { AsOf = Before2026 }
        .Fact("srdi.nicheYears", 4)
        .Years("revenue", 15_000_000, 18_000_000, 20_000_000).Years("rdExpense", 800_000, 900_000, 1_000_000)
        .Years("mainBusinessRevenue", 15_000_000, 18_000_000, 19_000_000)
        .Latest("netProfit", 2_000_000).Latest("totalAssets", 10_000_000).Latest("totalLiabilities", 4_000_000)
        .Latest("employees", 50).Latest("rdStaff", 10).Latest("inventionPatents", 0).Latest("classTwoIp", 2)
        .Fact("srdi.productFieldLevel", 2).Fact("srdi.digitalLevel", 3).Fact("srdi.rdInstitutionLevel", 3)
        .Fact("srdi.qualityAward", 0).Fact("srdi.qualityCertified", 1).Fact("srdi.ownBrand", 1).Fact("srdi.draftedStandard", 0);

    [Theory]
    [InlineData(1_000_000, true)]
    [InlineData(999_999, false)]
    public void Srdi_needs_a_million_of_rd(int rd, bool met) =>
        Srdi().Latest("rdExpense", rd).Evaluate("srdiSme").Criterion("rdAmount").Met.ShouldBe(met);

    [Fact]
    public void Srdi_revenue_under_ten_million_is_saved_by_twenty_million_of_equity()
    {
        Srdi().Latest("revenue", 9_999_999).Years("equityFinancing", 0, 0, 0).Evaluate("srdiSme").Criterion("scale").Met.ShouldBe(false);
        Srdi().Latest("revenue", 9_999_999).Years("equityFinancing", 0, 10_000_000, 10_000_000).Evaluate("srdiSme").Criterion("scale").Met.ShouldBe(true);
        Srdi().Latest("revenue", 10_000_000).Evaluate("srdiSme").Criterion("scale").Met.ShouldBe(true);
    }

    [Fact]
    public void Srdi_score_adds_the_thirteen_indicators_with_the_local_ones_open()
    {
        var r = Srdi().Evaluate("srdiSme");
        // main 95% → 5; growth ½(18/15 + 19/18) − 1 = 12.78% → 10; niche 4 y → 2; field 5; digital 5; quality 2 items → 5 (cap);
        // margin 10% → 10; debt 40% → 5; local 0–15; IP Class II → 2; R&D 100万 or 5% → max(2, 4) = 4; R&D staff 20% → 5; provincial institution 8.
        r.Score!.Low.ShouldBe(5 + 10 + 2 + 5 + 5 + 5 + 10 + 5 + 0 + 2 + 4 + 5 + 8);
        r.Score.High.ShouldBe(r.Score.Low + 15);
        r.Item("mainGrowth").Value.ShouldBe((18m / 15m + 19m / 18m) / 2 - 1);
        r.Outcome.ShouldBe(Outcome.Eligible); // 66 ≥ 60 without the local points
    }

    [Theory]
    [InlineData(10_000_000, true)]
    [InlineData(9_999_999, false)]
    public void Srdi_average_rd_of_ten_million_qualifies_directly(int perYear, bool direct)
    {
        var r = Srdi().Years("revenue", 100_000_000, 100_000_000, 200_000_000).Years("rdExpense", 0, perYear, perYear)
            .Fact("srdi.scienceAward", 0).Fact("srdi.makerTop500", 0).Evaluate("srdiSme");
        r.Criterion("rdAverage").Met.ShouldBe(direct);
    }

    /// <summary>小巨人 2022, revenue 1亿 (the ≥1亿 band: R&amp;D ≥ 3% in each of two years).</summary>
    private static Profile Giant() => Srdi()
        .Fact("srdi.nicheYears", 6)
        .Years("revenue", 80_000_000, 90_000_000, 100_000_000).Years("rdExpense", 2_000_000, 2_700_000, 3_000_000)
        .Years("mainBusinessRevenue", 70_000_000, 80_000_000, 90_000_000)
        .Fact("lg.marketShare", 0.12m).Fact("ipClassOneApplied", 2)
        .Declare("lg.infoSystem", "lg.rdInstitution", "lg.chainKeyLink", "lg.keyProduct");

    [Fact]
    public void Little_giant_at_the_one_hundred_million_band_needs_three_percent_each_year()
    {
        var r = Giant().Evaluate("littleGiant");
        r.Criterion("band1").Met.ShouldBe(true);
        r.Outcome.ShouldBe(Outcome.Eligible);
        var weakYear = Giant().Years("rdExpense", 2_000_000, 2_699_999, 3_000_000).Evaluate("littleGiant");
        weakYear.Criterion("band1").Met.ShouldBe(false);
        weakYear.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Fact]
    public void Little_giant_just_under_one_hundred_million_needs_six_percent()
    {
        var r = Giant().Latest("revenue", 99_999_999).Evaluate("littleGiant");
        r.Criterion("band1").Met.ShouldBe(false);
        r.Criterion("band2").Met.ShouldBe(false); // 3% of revenue is short of 6%
        r.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Fact]
    public void Little_giant_national_award_replaces_the_general_innovation_conditions()
    {
        var r = Giant().Years("rdExpense", 0, 0, 0).Declare("lg.nationalAward").Evaluate("littleGiant");
        r.Criterion("general").Met.ShouldBe(false);
        r.Criterion("innovative").Met.ShouldBe(true);
        r.Outcome.ShouldBe(Outcome.Eligible);
    }

    [Theory]
    [InlineData(0.10, true)]
    [InlineData(0.0999, false)]
    public void Little_giant_market_share_of_ten_percent(double share, bool met) =>
        Giant().Fact("lg.marketShare", (decimal)share).Evaluate("littleGiant").Criterion("marketShare").Met.ShouldBe(met);

    [Fact]
    public void The_2026_rules_rest_on_unverified_thresholds_and_never_say_eligible()
    {
        var p = Giant().Fact("srdi.platformScore", 80).Fact("ipClassOneApplied", 5).Fact("srdi.marketLeading", 1).Fact("holds.techSme", 1)
            .Years("mainBusinessRevenue", 70_000_000, 80_000_000, 95_000_000).Years("rdExpense", 2_000_000, 9_000_000, 9_000_000);
        var r = p.Evaluate("littleGiant", From2026);
        r.Unverified.ShouldBeTrue();
        r.Criterion("revenue").IndicativeMet.ShouldBe(true);
        r.Criterion("revenue").Met.ShouldBeNull();
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
        p.Evaluate("srdiSme", From2026).Outcome.ShouldBe(Outcome.NeedsConfirmation);
    }

    [Fact]
    public void Under_the_2026_rules_a_verified_failure_still_says_not_eligible()
    {
        // "market share among the leaders" is a declared yes/no, not an unverified number.
        var r = Srdi().Fact("srdi.marketLeading", 0).Evaluate("srdiSme", From2026);
        r.Outcome.ShouldBe(Outcome.NotEligible);
    }
}
