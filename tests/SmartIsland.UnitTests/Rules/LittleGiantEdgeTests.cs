using Shouldly;
using SmartIsland.Rules.Engine;
using Xunit;

namespace SmartIsland.UnitTests.Rules;

/// <summary>
/// 专精特新"小巨人" (工信部企业〔2022〕63号 附件3): each numeric condition at its edge and just past it, the revenue bands
/// of the innovation test, the 创客中国 top-50 route, and undeclared facts. Expected values from rules-reference.md §3.3.
/// </summary>
public sealed class LittleGiantEdgeTests
{
    private static readonly DateOnly Before2026 = new(2026, 3, 31);

    /// <summary>
    /// Meets all six aspects: niche 6 years; revenue 8,000万 → 9,000万 → 1亿 (the ≥ 1亿 band) with R&amp;D 3% in each of the
    /// last two years; main business 7,000万 → 8,000万 → 9,000万 (90%, ½·(8/7 + 9/8) − 1 = 13.4%); debt 40%; market share 12%;
    /// two applied Class I IP; every declared fact yes.
    /// </summary>
    private static Profile Giant() => new Profile { AsOf = Before2026 }
        .Fact("srdi.nicheYears", 6)
        .Years("revenue", 80_000_000, 90_000_000, 100_000_000).Years("rdExpense", 2_400_000, 2_700_000, 3_000_000)
        .Years("mainBusinessRevenue", 70_000_000, 80_000_000, 90_000_000)
        .Latest("totalAssets", 10_000_000).Latest("totalLiabilities", 4_000_000)
        .Latest("employees", 100).Latest("rdStaff", 20).Years("equityFinancing", 0, 0, 0)
        .Fact("lg.marketShare", 0.12m).Fact("ipClassOneApplied", 2)
        .Fact("srdi.ownBrand", 1).Fact("srdi.qualityCertified", 1)
        .Declare("lg.infoSystem", "lg.rdInstitution", "lg.chainKeyLink", "lg.keyProduct");

    private static void ShouldDecide(RuleSetResult r, string criterion, bool met)
    {
        r.Criterion(criterion).Met.ShouldBe(met);
        r.Outcome.ShouldBe(met ? Outcome.Eligible : Outcome.NotEligible);
    }

    [Fact]
    public void The_reference_profile_is_eligible() => Giant().Evaluate("littleGiant").Outcome.ShouldBe(Outcome.Eligible);

    [Theory]
    [InlineData(3, true)]
    [InlineData(2.9, false)]
    public void Three_years_in_the_niche(double years, bool met) =>
        ShouldDecide(Giant().Fact("srdi.nicheYears", (decimal)years).Evaluate("littleGiant"), "nicheYears", met);

    /// <summary>主营 / 营业收入 ≥ 70% on revenue of 1亿.</summary>
    [Theory]
    [InlineData(70_000_000, true)]
    [InlineData(69_999_999, false)]
    public void Main_business_share_of_seventy_percent(int main, bool met) =>
        ShouldDecide(Giant().Years("mainBusinessRevenue", 60_000_000, 65_000_000, main).Evaluate("littleGiant"), "mainShare", met);

    /// <summary>Two-year average main growth ≥ 5%: ½·(8,000/8,000 + 8,800/8,000) − 1 = 5% exactly.</summary>
    [Theory]
    [InlineData(88_000_000, true)]
    [InlineData(87_999_999, false)]
    public void Two_year_main_growth_of_five_percent(int latest, bool met)
    {
        var r = Giant().Years("mainBusinessRevenue", 80_000_000, 80_000_000, latest).Evaluate("littleGiant");
        if (met) r.Criterion("mainGrowth").Value.ShouldBe(0.05m);
        ShouldDecide(r, "mainGrowth", met);
    }

    /// <summary>资产负债率 ≤ 70% (不高于: the edge is in) on assets of 1,000万.</summary>
    [Theory]
    [InlineData(7_000_000, true)]
    [InlineData(7_000_001, false)]
    public void Debt_ratio_of_seventy_percent(int liabilities, bool met) =>
        ShouldDecide(Giant().Latest("totalLiabilities", liabilities).Evaluate("littleGiant"), "debtRatio", met);

    [Theory]
    [InlineData(2, true)]
    [InlineData(1, false)]
    public void Two_applied_class_one_ip_rights(int count, bool met) =>
        ShouldDecide(Giant().Fact("ipClassOneApplied", count).Evaluate("littleGiant"), "classOneIp", met);

    /// <summary>Revenue 8,000万 → 9,000万 (the 5,000万–1亿 band): R&amp;D ≥ 6% in each of the two years (480万, 540万).</summary>
    [Theory]
    [InlineData(4_800_000, 5_400_000, true)]
    [InlineData(4_800_000, 5_399_999, false)] // the latest year just under
    [InlineData(4_799_999, 5_400_000, false)] // the year before just under
    public void Six_percent_in_each_year_between_fifty_and_one_hundred_million(int rdBefore, int rdLatest, bool met)
    {
        var r = Giant().Years("revenue", 70_000_000, 80_000_000, 90_000_000).Years("rdExpense", 0, rdBefore, rdLatest)
            .Years("mainBusinessRevenue", 56_000_000, 64_000_000, 72_000_000).Evaluate("littleGiant");
        r.Criterion("band1").Met.ShouldBe(false);
        ShouldDecide(r, "band2", met);
    }

    [Fact]
    public void Revenue_of_exactly_fifty_million_belongs_to_the_six_percent_band()
    {
        // "5000万元以下" is the third band; 5,000万 itself is in 5,000万–1亿. R&D 300万 = 6% in both years.
        var r = Giant().Years("revenue", 50_000_000, 50_000_000, 50_000_000).Years("rdExpense", 3_000_000, 3_000_000, 3_000_000)
            .Years("mainBusinessRevenue", 40_000_000, 42_000_000, 45_000_000).Evaluate("littleGiant");
        r.Criterion("band2").Met.ShouldBe(true);
        r.Criterion("band3").Met.ShouldBe(false);
    }

    /// <summary>
    /// Under 5,000万: 2-year new equity ≥ 8,000万 AND R&amp;D ≥ 3,000万 AND R&amp;D staff ≥ 50%. The R&amp;D sits in the latest
    /// year alone, so the case holds whether the 3,000万 is read as one year's or the two years' total.
    /// </summary>
    [Theory]
    [InlineData(49_999_999, 40_000_000, 30_000_000, 50, true)]
    [InlineData(49_999_999, 39_999_999, 30_000_000, 50, false)] // equity 79,999,999
    [InlineData(49_999_999, 40_000_000, 29_999_999, 50, false)]
    [InlineData(49_999_999, 40_000_000, 30_000_000, 49, false)]
    [InlineData(50_000_000, 40_000_000, 30_000_000, 50, false)] // exactly 5,000万 is in the 6% band, not this one
    public void Under_fifty_million_equity_rd_and_rd_staff_must_all_reach_their_marks(int revenue, int equityLatest, int rdLatest, int rdStaff, bool met)
    {
        var r = Giant().Years("revenue", 30_000_000, 40_000_000, revenue).Years("equityFinancing", 0, 40_000_000, equityLatest)
            .Years("rdExpense", 0, 0, rdLatest).Latest("rdStaff", rdStaff)
            .Years("mainBusinessRevenue", 30_000_000, 36_000_000, 45_000_000).Evaluate("littleGiant");
        ShouldDecide(r, "band3", met);
    }

    [Fact]
    public void The_maker_china_top_fifty_replaces_the_general_innovation_conditions()
    {
        var noRd = Giant().Years("rdExpense", 0, 0, 0);
        noRd.Evaluate("littleGiant").Outcome.ShouldBe(Outcome.NotEligible);
        var r = noRd.Fact("lg.makerTop50", 1).Evaluate("littleGiant");
        r.Criterion("general").Met.ShouldBe(false);
        r.Criterion("makerTop50").Met.ShouldBe(true);
        r.Criterion("innovative").Met.ShouldBe(true);
        r.Outcome.ShouldBe(Outcome.Eligible);
    }

    [Fact]
    public void The_top_fifty_route_does_not_replace_the_other_aspects()
    {
        var r = Giant().Years("rdExpense", 0, 0, 0).Fact("lg.makerTop50", 1).Latest("totalLiabilities", 8_000_000).Evaluate("littleGiant");
        r.Criterion("innovative").Met.ShouldBe(true);
        r.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Theory]
    [InlineData("lg.infoSystem")]
    [InlineData("lg.marketShare")]
    [InlineData("lg.chainKeyLink")]
    [InlineData("srdi.nicheYears")]
    public void An_undeclared_fact_needs_confirmation(string fact)
    {
        var r = Giant().Without(fact).Evaluate("littleGiant");
        r.Missing.ShouldContain(fact);
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
    }

    /// <summary>2026 办法 (unverified, §3.4): revenue ≥ 5,000万 is indicative only; failing it still needs confirmation.</summary>
    [Theory]
    [InlineData(50_000_000, true)]
    [InlineData(49_999_999, false)]
    public void Under_the_2026_rules_the_unverified_revenue_mark_is_indicative_only(int revenue, bool indicative)
    {
        var r = Giant().Latest("revenue", revenue).Evaluate("littleGiant", new DateOnly(2026, 4, 1));
        r.Version.ShouldBe("2026");
        r.Criterion("revenue").IndicativeMet.ShouldBe(indicative);
        r.Criterion("revenue").Met.ShouldBeNull();
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
    }
}
