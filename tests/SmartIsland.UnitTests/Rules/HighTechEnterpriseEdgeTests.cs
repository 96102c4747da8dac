using Shouldly;
using SmartIsland.Rules.Engine;
using Xunit;

namespace SmartIsland.UnitTests.Rules;

/// <summary>
/// 高新技术企业 band edges the first test class leaves out: the pass mark of 71, the growth, IP-count and conversion
/// bands of 国科发火〔2016〕195号 附件2, and the 4% / 3% R&amp;D bands of 32号 第十一条（五）. Every expected number
/// comes from rules-reference.md §1, not from the rule set under test.
/// </summary>
public sealed class HighTechEnterpriseEdgeTests
{
    /// <summary>
    /// Meets every hard condition: sales 4,000万 a year with R&amp;D 200万 (5%), 20% tech staff, 70% high-tech income,
    /// one invention patent (IP count A 7–8), 5 conversions a year (A 25–30), net assets 1,000万 → 1,200万 → 1,350万
    /// (½·(1.2 + 1.125) − 1 = 16.25%, C 5–6) and flat sales (F 0).
    /// </summary>
    private static Profile Qualifying(int firstYear = 2015) => new Profile { FirstYear = firstYear }
        .Fact("operatingDays", 4000)
        .Each("revenue", 40_000_000).Each("rdExpense", 2_000_000).Each("domesticRdExpense", 2_000_000)
        .Each("employees", 100).Each("techStaff", 20)
        .Latest("highTechProductRevenue", 28_000_000).Latest("totalIncome", 40_000_000)
        .Latest("inventionPatents", 1).Latest("classTwoIp", 0)
        .Each("techConversions", 5)
        .Years("netAssets", 10_000_000, 12_000_000, 13_500_000)
        .Declare("hnte.keyField", "hnte.noMajorIncident");

    /// <summary>
    /// 32号 第十一条（七）"70分以上（不含70分）" → 71. With every expert item declared, the best case is
    /// IP (2 + 2 + acquisition + 0 + 8) + conversions 30 + management 20 + net-asset growth 6 + sales growth 0 = 68 + acquisition.
    /// A best case of 70 can never pass; a best case of 71 can, but experts decide (the platform never passes it).
    /// </summary>
    [Theory]
    [InlineData(2, 70, Outcome.NotEligible)]
    [InlineData(3, 71, Outcome.NeedsConfirmation)]
    public void A_best_possible_score_of_70_fails_and_71_is_left_to_the_experts(int acquisition, int best, Outcome outcome)
    {
        var p = Qualifying()
            .Fact("score.hnte.advancement", 2).Fact("score.hnte.coreSupport", 2).Fact("score.hnte.acquisition", acquisition).Fact("score.hnte.standardsBonus", 0)
            .Fact("score.hnte.rdSystems", 6).Fact("score.hnte.rdInstitutions", 6).Fact("score.hnte.conversionIncentives", 4).Fact("score.hnte.talent", 4);
        var r = p.Evaluate("hnte");
        r.ConditionsMet.ShouldBe(true);
        r.Score!.High.ShouldBe(best);
        r.Score.Low.ShouldBe(best - 7); // the computable ranges' low ends: IP count 7, conversions 25, net assets 5
        r.Score.PassMark.ShouldBe(71);
        r.Score.Passed.ShouldBe(best >= 71 ? null : false);
        r.Outcome.ShouldBe(outcome);
    }

    [Fact]
    public void The_ip_group_stays_capped_at_30_with_the_bonus()
    {
        // 8 + 8 + (7–8) + 6 + 2 = 31–32 → 30 (195号 附件2 一: 知识产权 30 分, bonus included).
        var r = Qualifying().Fact("score.hnte.advancement", 8).Fact("score.hnte.coreSupport", 8).Fact("score.hnte.acquisition", 6)
            .Fact("score.hnte.standardsBonus", 2).Evaluate("hnte");
        var ip = r.Score!.Groups.Single(g => g.Key == "ip");
        (ip.Low, ip.High).ShouldBe((30m, 30m));
    }

    /// <summary>
    /// 195号 附件2 四: A ≥35% 9–10 · B ≥25% 7–8 · C ≥15% 5–6 · D ≥5% 3–4 · E >0 1–2 · F ≤0 0, rate ½·(Y2/Y1 + Y3/Y2) − 1.
    /// A steady step g (100, 100·(1+g), 100·(1+g)²) gives exactly g; one yuan less in year 3 is just under it.
    /// </summary>
    [Theory]
    [InlineData("netAssets", 100_000_000, 115_000_000, 132_250_000, 5, 6)] // exactly 15% → C
    [InlineData("netAssets", 100_000_000, 115_000_000, 132_249_999, 3, 4)] // just under 15% → D
    [InlineData("netAssets", 100_000_000, 115_000_000, 132_250_001, 5, 6)] // just over 15% → C
    [InlineData("netAssets", 100_000_000, 105_000_000, 110_250_000, 3, 4)] // exactly 5% → D
    [InlineData("netAssets", 100_000_000, 105_000_000, 110_249_999, 1, 2)] // just under 5% → E
    [InlineData("netAssets", 100_000_000, 105_000_000, 110_250_001, 3, 4)] // just over 5% → D
    [InlineData("netAssets", 100_000_000, 100_000_000, 100_000_001, 1, 2)] // just over 0 → E
    [InlineData("netAssets", 100_000_000, 100_000_000, 99_999_999, 0, 0)] // negative → F
    [InlineData("netAssets", 100_000_000, 125_000_000, 156_249_999, 5, 6)] // just under 25% → C
    [InlineData("netAssets", 100_000_000, 125_000_000, 156_250_000, 7, 8)] // exactly 25% → B
    [InlineData("netAssets", 100_000_000, 135_000_000, 182_249_999, 7, 8)] // just under 35% → B
    [InlineData("revenue", 100_000_000, 115_000_000, 132_250_000, 5, 6)]
    [InlineData("revenue", 100_000_000, 115_000_000, 132_249_999, 3, 4)]
    [InlineData("revenue", 100_000_000, 105_000_000, 110_250_000, 3, 4)]
    [InlineData("revenue", 100_000_000, 105_000_000, 110_249_999, 1, 2)]
    public void Growth_bands_at_and_either_side_of_their_edges(string figure, int first, int second, int third, int low, int high)
    {
        var item = Qualifying().Years(figure, first, second, third).Evaluate("hnte").Item(figure == "revenue" ? "salesGrowth" : "netAssetGrowth");
        (item.Low, item.High).ShouldBe((low, high));
    }

    [Theory]
    [InlineData(100_000_000, 115_000_000, 132_250_000, "0.15")]
    [InlineData(100_000_000, 105_000_000, 110_250_000, "0.05")]
    [InlineData(10_000_000, 12_000_000, 13_500_000, "0.1625")] // ½·(1.2 + 1.125) − 1
    [InlineData(20_000_000, 16_000_000, 20_000_000, "0.025")] // ½·(0.8 + 1.25) − 1: a dip then a recovery
    public void Net_asset_growth_is_the_average_of_the_two_yearly_ratios_minus_one(int first, int second, int third, string expected) =>
        Qualifying().Years("netAssets", first, second, third).Evaluate("hnte").Item("netAssetGrowth").Value
            .ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_first_year_of_zero_uses_the_last_two_years_only()
    {
        // 195号: "第一年为0的，按后两年计算": 1,200万 / 1,000万 − 1 = 20% → C 5–6.
        var item = Qualifying().Years("netAssets", 0, 10_000_000, 12_000_000).Evaluate("hnte").Item("netAssetGrowth");
        item.Value.ShouldBe(0.2m);
        (item.Low, item.High).ShouldBe((5m, 6m));
    }

    [Fact]
    public void A_second_year_of_zero_scores_nothing()
    {
        // 195号: "第二年为0的，按0计算".
        var item = Qualifying().Years("netAssets", 10_000_000, 0, 12_000_000).Evaluate("hnte").Item("netAssetGrowth");
        item.Value.ShouldBe(0m);
        (item.Low, item.High).ShouldBe((0m, 0m));
    }

    [Fact]
    public void A_company_in_its_second_year_grows_from_its_one_earlier_year()
    {
        // "不足三年的，按实际经营年限": 1,300万 / 1,000万 − 1 = 30% → B 7–8; the year before it existed is ignored.
        var item = Qualifying(firstYear: 2024).Years("netAssets", null, 10_000_000, 13_000_000).Evaluate("hnte").Item("netAssetGrowth");
        item.Value.ShouldBe(0.3m);
        (item.Low, item.High).ShouldBe((7m, 8m));
    }

    /// <summary>195号 附件2 一（三）: A ≥1 Class I 7–8 · B ≥5 Class II 5–6 · C 3–4 Class II 3–4 · D 1–2 Class II 1–2 · E 0.</summary>
    [Theory]
    [InlineData(1, 0, 7, 8)]
    [InlineData(1, 10, 7, 8)] // Class I decides first
    [InlineData(0, 6, 5, 6)]
    [InlineData(0, 5, 5, 6)]
    [InlineData(0, 4, 3, 4)]
    [InlineData(0, 3, 3, 4)]
    [InlineData(0, 2, 1, 2)]
    [InlineData(0, 1, 1, 2)]
    [InlineData(0, 0, 0, 0)]
    public void Ip_count_bands(int classOne, int classTwo, int low, int high)
    {
        var item = Qualifying().Latest("inventionPatents", classOne).Latest("classTwoIp", classTwo).Evaluate("hnte").Item("ipCount");
        (item.Low, item.High).ShouldBe((low, high));
    }

    /// <summary>195号 附件2 二, on the yearly average over the last three years: A ≥5 25–30 · B ≥4 19–24 · C ≥3 13–18 · D ≥2 7–12 · E ≥1 1–6 · F 0.</summary>
    [Theory]
    [InlineData(5, 5, 5, 25, 30)]
    [InlineData(5, 5, 4, 19, 24)] // 4.67
    [InlineData(4, 4, 4, 19, 24)]
    [InlineData(4, 4, 3, 13, 18)] // 3.67
    [InlineData(3, 3, 3, 13, 18)]
    [InlineData(3, 3, 2, 7, 12)] // 2.67
    [InlineData(2, 2, 2, 7, 12)]
    [InlineData(2, 2, 1, 1, 6)] // 1.67
    [InlineData(1, 1, 1, 1, 6)]
    [InlineData(1, 1, 0, 0, 0)] // 0.67: fewer than one a year
    [InlineData(15, 0, 0, 25, 30)] // 15 in one year averages 5
    [InlineData(0, 0, 14, 19, 24)] // 14 in the latest year averages 4.67
    public void Conversion_bands_read_the_three_year_average(int first, int second, int third, int low, int high)
    {
        var item = Qualifying().Years("techConversions", first, second, third).Evaluate("hnte").Item("conversions");
        (item.Low, item.High).ShouldBe((low, high));
    }

    /// <summary>32号 第十一条（五）: latest sales (5,000万, 2亿] → ≥4%; > 2亿 → ≥3%; three-year sums.</summary>
    [Theory]
    [InlineData(100_000_000, 4_000_000, "0.04", true)]
    [InlineData(100_000_000, 3_999_999, "0.04", false)]
    [InlineData(200_000_000, 8_000_000, "0.04", true)]
    [InlineData(200_000_000, 7_999_999, "0.04", false)]
    [InlineData(300_000_000, 9_000_000, "0.03", true)]
    [InlineData(300_000_000, 8_999_999, "0.03", false)]
    public void Rd_ratio_at_the_four_and_three_percent_bands(int salesPerYear, int rdPerYear, string threshold, bool met)
    {
        var c = Qualifying().Each("revenue", salesPerYear).Each("rdExpense", rdPerYear).Each("domesticRdExpense", rdPerYear)
            .Evaluate("hnte").Criterion("rdRatio");
        c.Threshold.ShouldBe(decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture));
        c.Met.ShouldBe(met);
        if (!met) c.GapAs.ShouldBe(3m); // one yuan short in each of three years
    }
}
