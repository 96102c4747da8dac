using Shouldly;
using SmartIsland.Rules.Engine;
using Xunit;

namespace SmartIsland.UnitTests.Rules;

/// <summary>
/// 专精特新中小企业 (工信部企业〔2022〕63号 附件2): the four conditions at their edges, the pass mark of 60, every band
/// edge of the 13 indicators and the direct routes of 一、（四）. Expected values from rules-reference.md §3.2.
/// </summary>
public sealed class SrdiSmeEdgeTests
{
    private static readonly DateOnly Before2026 = new(2026, 3, 31);

    /// <summary>
    /// Revenue 2,000万, R&amp;D 100万 (5%), niche 4 years. Scores: main share 1,920 / 2,000 = 96% (5); main growth
    /// ½·(1,600/1,600 + 1,920/1,600) − 1 = 10% (10); niche 4 years (2); field (5) | digital level 3 (5); quality two items (5,
    /// capped); net margin 10% (10); debt 40% (5) | local indicators declared 0 | two Class II (2); R&amp;D max(100万 → 2, 5% → 4)
    /// (4); R&amp;D staff 20% (5); provincial institution (8). Total 66.
    /// </summary>
    private static Profile Srdi() => new Profile { AsOf = Before2026 }
        .Fact("srdi.nicheYears", 4)
        .Years("revenue", 18_000_000, 19_000_000, 20_000_000).Years("rdExpense", 900_000, 950_000, 1_000_000)
        .Years("mainBusinessRevenue", 16_000_000, 16_000_000, 19_200_000)
        .Latest("netProfit", 2_000_000).Latest("totalAssets", 10_000_000).Latest("totalLiabilities", 4_000_000)
        .Latest("employees", 50).Latest("rdStaff", 10).Latest("inventionPatents", 0).Latest("classTwoIp", 2)
        .Years("equityFinancing", 0, 0, 0)
        .Fact("srdi.productFieldLevel", 2).Fact("srdi.digitalLevel", 3).Fact("srdi.rdInstitutionLevel", 3)
        .Fact("srdi.qualityAward", 0).Fact("srdi.qualityCertified", 1).Fact("srdi.ownBrand", 1).Fact("srdi.draftedStandard", 0)
        .Fact("score.srdiSme.local", 0);

    /// <summary>Meets conditions (1)–(3) but scores 43: no field (0), digital level 1 (0), no quality item (0), no institution (0).</summary>
    private static Profile WeakScore() => Srdi().Fact("srdi.productFieldLevel", 0).Fact("srdi.digitalLevel", 1).Fact("srdi.rdInstitutionLevel", 0)
        .Fact("srdi.qualityCertified", 0).Fact("srdi.ownBrand", 0);

    private static void ShouldScore(ScoreItemResult item, int points) => (item.Low, item.High).ShouldBe((points, points));

    [Fact]
    public void The_reference_profile_scores_66()
    {
        var r = Srdi().Evaluate("srdiSme");
        (r.Score!.Low, r.Score.High).ShouldBe((66m, 66m));
        r.Outcome.ShouldBe(Outcome.Eligible);
        WeakScore().Evaluate("srdiSme").Score!.Low.ShouldBe(43);
    }

    /// <summary>
    /// Digital level 2 (3) and a city institution (4) bring 66 to 60; a niche of 3 years instead of 4 scores 1 instead of 2
    /// (59) while still meeting the 2-year condition.
    /// </summary>
    [Theory]
    [InlineData(4, 60, Outcome.Eligible)]
    [InlineData(3, 59, Outcome.NotEligible)]
    public void A_score_of_60_passes_and_59_does_not(int nicheYears, int total, Outcome outcome)
    {
        var r = Srdi().Fact("srdi.digitalLevel", 2).Fact("srdi.rdInstitutionLevel", 2).Fact("srdi.nicheYears", nicheYears).Evaluate("srdiSme");
        r.ConditionsMet.ShouldBe(true);
        (r.Score!.Low, r.Score.High).ShouldBe((total, total));
        r.Outcome.ShouldBe(outcome);
    }

    [Fact]
    public void Undeclared_local_indicators_leave_59_open_to_the_provinces_fifteen_points()
    {
        var r = Srdi().Fact("srdi.digitalLevel", 2).Fact("srdi.rdInstitutionLevel", 2).Fact("srdi.nicheYears", 3).Without("score.srdiSme.local").Evaluate("srdiSme");
        (r.Score!.Low, r.Score.High).ShouldBe((59m, 74m));
        r.Score.Passed.ShouldBeNull();
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(1.9, false)]
    public void Two_years_in_the_niche(double years, bool met)
    {
        var r = Srdi().Fact("srdi.nicheYears", (decimal)years).Evaluate("srdiSme");
        r.Criterion("nicheYears").Met.ShouldBe(met);
        if (!met) r.Outcome.ShouldBe(Outcome.NotEligible);
    }

    /// <summary>一、（二）: R&amp;D ≥ 3% of revenue. On 5,000万, 150万 is exactly 3% (and over the 100万 floor).</summary>
    [Theory]
    [InlineData(1_500_000, true)]
    [InlineData(1_499_999, false)]
    public void Rd_ratio_of_three_percent(int rd, bool met)
    {
        var r = Srdi().Latest("revenue", 50_000_000).Latest("rdExpense", rd).Evaluate("srdiSme");
        var c = r.Criterion("rdRatio");
        c.Met.ShouldBe(met);
        r.Criterion("rdAmount").Met.ShouldBe(true);
        if (!met)
        {
            c.GapAs.ShouldBe(1m); // one yuan short
            r.Outcome.ShouldBe(Outcome.NotEligible);
        }
    }

    /// <summary>一、（三）: revenue ≥ 1,000万, or under it with ≥ 2,000万 of new equity in the last 2 years (Year−1 and Year).</summary>
    [Theory]
    [InlineData(9_999_999, 0, 10_000_000, 10_000_000, true)]
    [InlineData(9_999_999, 0, 10_000_000, 9_999_999, false)] // 19,999,999: just under
    [InlineData(9_999_999, 20_000_000, 0, 0, false)] // three years ago: outside the window
    [InlineData(9_999_999, 0, 0, 20_000_000, true)]
    public void Equity_of_twenty_million_over_two_years_saves_small_revenue(int revenue, int equityTwoBefore, int equityBefore, int equityLatest, bool met)
    {
        var r = Srdi().Latest("revenue", revenue).Years("equityFinancing", equityTwoBefore, equityBefore, equityLatest).Evaluate("srdiSme");
        r.Criterion("scale").Met.ShouldBe(met);
    }

    /// <summary>二、1 on revenue of 2,000万: ≥80% 5 · [70,80) 3 · [60,70) 1 · &lt;60% 0.</summary>
    [Theory]
    [InlineData(16_000_000, 5)]
    [InlineData(15_999_999, 3)]
    [InlineData(14_000_000, 3)]
    [InlineData(13_999_999, 1)]
    [InlineData(12_000_000, 1)]
    [InlineData(11_999_999, 0)]
    public void Main_share_bands(int main, int points) =>
        ShouldScore(Srdi().Latest("mainBusinessRevenue", main).Evaluate("srdiSme").Item("mainShare"), points);

    /// <summary>
    /// 二、2, average growth over 2 years: ≥10% 10 · [8,10) 8 · [6,8) 6 · [4,6) 4 · [0,4) 2 · &lt;0 0. With two flat years at
    /// 1,000万, ½·(1 + Y3/1,000万) − 1 = g gives Y3 = 1,000万 · (1 + 2g).
    /// </summary>
    [Theory]
    [InlineData(12_000_000, 10)]
    [InlineData(11_999_999, 8)]
    [InlineData(11_600_000, 8)]
    [InlineData(11_599_999, 6)]
    [InlineData(11_200_000, 6)]
    [InlineData(11_199_999, 4)]
    [InlineData(10_800_000, 4)]
    [InlineData(10_799_999, 2)]
    [InlineData(10_000_000, 2)]
    [InlineData(9_999_999, 0)]
    public void Two_year_main_growth_bands(int latest, int points) =>
        ShouldScore(Srdi().Years("mainBusinessRevenue", 10_000_000, 10_000_000, latest).Evaluate("srdiSme").Item("mainGrowth"), points);

    [Fact]
    public void Two_year_main_growth_averages_the_two_yearly_rates()
    {
        // ½·(1,100/1,000 + 1,155/1,100) − 1 = ½·(1.1 + 1.05) − 1 = 7.5% → [6,8) 6.
        var item = Srdi().Years("mainBusinessRevenue", 10_000_000, 11_000_000, 11_550_000).Evaluate("srdiSme").Item("mainGrowth");
        item.Value.ShouldBe(0.075m);
        ShouldScore(item, 6);
    }

    /// <summary>二、3: one point per full 2 years, at most 5.</summary>
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(9, 4)]
    [InlineData(10, 5)]
    [InlineData(14, 5)]
    public void Niche_years_score(int years, int points) =>
        ShouldScore(Srdi().Fact("srdi.nicheYears", years).Evaluate("srdiSme").Item("nicheYearsScore"), points);

    /// <summary>二、4: fills a gap with results 5 · 六基 / 老字号 / serves a chain leader 3 · other 0.</summary>
    [Theory]
    [InlineData(2, 5)]
    [InlineData(1, 3)]
    [InlineData(0, 0)]
    public void Product_field_score(int level, int points) =>
        ShouldScore(Srdi().Fact("srdi.productFieldLevel", level).Evaluate("srdiSme").Item("productField"), points);

    /// <summary>二、5: level 3 and above 5 · level 2 3 · level 1 0.</summary>
    [Theory]
    [InlineData(4, 5)]
    [InlineData(3, 5)]
    [InlineData(2, 3)]
    [InlineData(1, 0)]
    public void Digital_level_score(int level, int points) =>
        ShouldScore(Srdi().Fact("srdi.digitalLevel", level).Evaluate("srdiSme").Item("digital"), points);

    /// <summary>二、6: 3 points per item met, capped at 5.</summary>
    [Theory]
    [InlineData(0, 0, 0, 0, 0)]
    [InlineData(1, 0, 0, 0, 3)]
    [InlineData(0, 0, 0, 1, 3)]
    [InlineData(0, 1, 1, 0, 5)]
    [InlineData(1, 1, 1, 1, 5)]
    public void Quality_score(int award, int certified, int brand, int standard, int points) =>
        ShouldScore(Srdi().Fact("srdi.qualityAward", award).Fact("srdi.qualityCertified", certified).Fact("srdi.ownBrand", brand)
            .Fact("srdi.draftedStandard", standard).Evaluate("srdiSme").Item("quality"), points);

    /// <summary>二、7 on revenue of 2,000万: ≥10% 10 · [8,10) 8 · [6,8) 6 · [4,6) 4 · [2,4) 2 · &lt;2% 0.</summary>
    [Theory]
    [InlineData(2_000_000, 10)]
    [InlineData(1_999_999, 8)]
    [InlineData(1_600_000, 8)]
    [InlineData(1_599_999, 6)]
    [InlineData(1_200_000, 6)]
    [InlineData(1_199_999, 4)]
    [InlineData(800_000, 4)]
    [InlineData(799_999, 2)]
    [InlineData(400_000, 2)]
    [InlineData(399_999, 0)]
    public void Net_margin_bands(int netProfit, int points) =>
        ShouldScore(Srdi().Latest("netProfit", netProfit).Evaluate("srdiSme").Item("netMargin"), points);

    /// <summary>二、8 on assets of 1,000万: &lt;50% 5 · [50,60) 3 · [60,70) 1 · ≥70% 0.</summary>
    [Theory]
    [InlineData(4_999_999, 5)]
    [InlineData(5_000_000, 3)]
    [InlineData(5_999_999, 3)]
    [InlineData(6_000_000, 1)]
    [InlineData(6_999_999, 1)]
    [InlineData(7_000_000, 0)]
    public void Debt_ratio_bands(int liabilities, int points) =>
        ShouldScore(Srdi().Latest("totalLiabilities", liabilities).Evaluate("srdiSme").Item("debtRatio"), points);

    /// <summary>二、10: high-value Class I 10 · self-developed Class I 8 · Class I 6 · Class II 2 · none 0.</summary>
    [Theory]
    [InlineData(1, 1, 0, 0, 10)]
    [InlineData(1, 0, 1, 0, 8)]
    [InlineData(1, 0, 0, 2, 6)]
    [InlineData(0, 0, 0, 1, 2)]
    [InlineData(0, 0, 0, 0, 0)]
    public void Ip_score(int classOne, int highValue, int selfDeveloped, int classTwo, int points) =>
        ShouldScore(Srdi().Latest("inventionPatents", classOne).Latest("classTwoIp", classTwo)
            .Fact("ipHighValueClassOne", highValue).Fact("ipSelfDevelopedClassOne", selfDeveloped).Evaluate("srdiSme").Item("ip"), points);

    /// <summary>
    /// 二、11 by amount: ≥500万 10 · [400,500)万 8 · [300,400)万 6 · [200,300)万 4 · [100,200)万 2 · else 0. Revenue of 10亿
    /// keeps the ratio under 3% (0), so only the amount scores.
    /// </summary>
    [Theory]
    [InlineData(5_000_000, 10)]
    [InlineData(4_999_999, 8)]
    [InlineData(4_000_000, 8)]
    [InlineData(3_999_999, 6)]
    [InlineData(3_000_000, 6)]
    [InlineData(2_999_999, 4)]
    [InlineData(2_000_000, 4)]
    [InlineData(1_999_999, 2)]
    [InlineData(1_000_000, 2)]
    [InlineData(999_999, 0)]
    public void Rd_amount_bands(int rd, int points) =>
        ShouldScore(Srdi().Latest("revenue", 1_000_000_000).Latest("rdExpense", rd).Evaluate("srdiSme").Item("rdInput"), points);

    /// <summary>
    /// 二、11 by ratio on revenue of 1,000万: ≥10% 10 · [8,10) 8 · [6,8) 6 · [4,6) 4 · [3,4) 2 · else 0. Every amount here is
    /// under 100万 (0) except 10% itself (2 &lt; 10).
    /// </summary>
    [Theory]
    [InlineData(1_000_000, 10)]
    [InlineData(999_999, 8)]
    [InlineData(800_000, 8)]
    [InlineData(799_999, 6)]
    [InlineData(600_000, 6)]
    [InlineData(599_999, 4)]
    [InlineData(400_000, 4)]
    [InlineData(399_999, 2)]
    [InlineData(300_000, 2)]
    [InlineData(299_999, 0)]
    public void Rd_ratio_bands(int rd, int points) =>
        ShouldScore(Srdi().Latest("revenue", 10_000_000).Latest("rdExpense", rd).Evaluate("srdiSme").Item("rdInput"), points);

    [Fact]
    public void Rd_input_takes_the_higher_of_the_amount_and_ratio_bands()
    {
        // 300万 on 1亿: the amount band gives 6, the 3% ratio only 2.
        ShouldScore(Srdi().Latest("revenue", 100_000_000).Latest("rdExpense", 3_000_000).Evaluate("srdiSme").Item("rdInput"), 6);
    }

    /// <summary>二、12 on 100 staff: ≥20% 5 · [10,20) 3 · [5,10) 1 · &lt;5% 0.</summary>
    [Theory]
    [InlineData(20, 5)]
    [InlineData(19, 3)]
    [InlineData(10, 3)]
    [InlineData(9, 1)]
    [InlineData(5, 1)]
    [InlineData(4, 0)]
    public void Rd_staff_bands(int rdStaff, int points) =>
        ShouldScore(Srdi().Latest("employees", 100).Latest("rdStaff", rdStaff).Evaluate("srdiSme").Item("rdStaff"), points);

    /// <summary>二、13: national 10 · provincial 8 · city 4 · below city 2 · none 0.</summary>
    [Theory]
    [InlineData(4, 10)]
    [InlineData(3, 8)]
    [InlineData(2, 4)]
    [InlineData(1, 2)]
    [InlineData(0, 0)]
    public void Rd_institution_level_score(int level, int points) =>
        ShouldScore(Srdi().Fact("srdi.rdInstitutionLevel", level).Evaluate("srdiSme").Item("rdInstitutionLevel"), points);

    [Theory]
    [InlineData("srdi.scienceAward")]
    [InlineData("srdi.makerTop500")]
    public void A_declared_direct_route_qualifies_a_failing_score(string fact)
    {
        WeakScore().Evaluate("srdiSme").Outcome.ShouldBe(Outcome.NotEligible);
        var r = WeakScore().Fact(fact, 1).Evaluate("srdiSme");
        r.DirectlyQualified.ShouldBe(true);
        r.Outcome.ShouldBe(Outcome.Eligible);
    }

    /// <summary>一、（四）: ≥ 6,000万 of new equity over the last 2 years (Year−1 and Year).</summary>
    [Theory]
    [InlineData(0, 30_000_000, 30_000_000, true)]
    [InlineData(0, 30_000_000, 29_999_999, false)]
    [InlineData(60_000_000, 0, 0, false)] // three years ago: outside the window
    public void Equity_of_sixty_million_over_two_years_qualifies_directly(int twoBefore, int before, int latest, bool direct)
    {
        var r = WeakScore().Years("equityFinancing", twoBefore, before, latest).Evaluate("srdiSme");
        r.Criterion("equity").Met.ShouldBe(direct);
        r.Outcome.ShouldBe(direct ? Outcome.Eligible : Outcome.NotEligible);
    }

    [Fact]
    public void A_direct_route_still_needs_the_first_three_conditions()
    {
        var r = WeakScore().Fact("srdi.scienceAward", 1).Fact("srdi.nicheYears", 1).Evaluate("srdiSme");
        r.DirectlyQualified.ShouldBe(false);
        r.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Fact]
    public void An_undeclared_niche_needs_confirmation()
    {
        var r = Srdi().Without("srdi.nicheYears").Evaluate("srdiSme");
        r.Criterion("nicheYears").Met.ShouldBeNull();
        r.Missing.ShouldContain("srdi.nicheYears");
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
    }

    /// <summary>
    /// 2026 办法 (unverified, §3.4): main share ≥ 80%. The indicative answer follows the edge, but neither side may decide
    /// the outcome while the threshold is unverified. Every other 2026 condition is indicatively met (R&amp;D 100万 in each
    /// of the two years, 5.3% and 5%).
    /// </summary>
    [Theory]
    [InlineData(16_000_000, true)]
    [InlineData(15_999_999, false)]
    public void Under_the_2026_rules_an_unverified_threshold_never_decides_either_way(int main, bool indicative)
    {
        var r = Srdi().Fact("holds.innovativeSme", 1).Fact("srdi.marketLeading", 1).Fact("srdi.platformScore", 70).Fact("ipClassOneApplied", 1)
            .Years("rdExpense", 900_000, 1_000_000, 1_000_000).Latest("mainBusinessRevenue", main).Evaluate("srdiSme", new DateOnly(2026, 4, 1));
        r.Version.ShouldBe("2026");
        var c = r.Criterion("mainShare");
        c.IndicativeMet.ShouldBe(indicative);
        c.Met.ShouldBeNull();
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
    }
}
