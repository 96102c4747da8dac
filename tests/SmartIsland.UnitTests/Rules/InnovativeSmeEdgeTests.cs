using Shouldly;
using SmartIsland.Rules.Engine;
using Xunit;

namespace SmartIsland.UnitTests.Rules;

/// <summary>
/// 创新型中小企业 (工信部企业〔2022〕63号 附件1): the pass rule "total ≥ 60 and 创新能力 ≥ 20, 成长性 ≥ 15, 专业化 ≥ 15",
/// every band edge, each direct route, and the switch to the 2026 办法 on 2026-04-01 (rules-reference.md §3.1, §3.4).
/// </summary>
public sealed class InnovativeSmeEdgeTests
{
    private static readonly DateOnly LastDayOf2022Rules = new(2026, 3, 31);
    private static readonly DateOnly FirstDayOf2026Rules = new(2026, 4, 1);

    /// <summary>
    /// Revenue 2,000万. Innovation 25: one Class II (5) + R&amp;D 100万 = 5% (20). Growth 30: main business 1,200万 → 1,400万
    /// = 16.7% (20) + debt 50% (10). Specialisation 30: strategic field (10) + main share 1,400 / 2,000 = 70% (20). Total 85.
    /// </summary>
    private static Profile Innovative() => new Profile { AsOf = LastDayOf2022Rules }
        .Latest("inventionPatents", 0).Latest("classTwoIp", 1)
        .Latest("revenue", 20_000_000).Latest("rdExpense", 1_000_000)
        .Years("mainBusinessRevenue", null, 12_000_000, 14_000_000)
        .Latest("totalAssets", 10_000_000).Latest("totalLiabilities", 5_000_000)
        .Declare("sme", "strategicEmergingField");

    /// <summary>An SME whose score fails (no IP, no R&amp;D: innovation 0 &lt; 20), for the direct routes.</summary>
    private static Profile WeakScore() => Innovative().Latest("classTwoIp", 0).Latest("rdExpense", 0);

    [Fact]
    public void The_reference_profile_scores_85_and_is_eligible()
    {
        var r = Innovative().Evaluate("innovativeSme");
        r.Score!.Groups.Select(g => (g.Key, g.Low)).ShouldBe([("innovation", 25m), ("growth", 30m), ("specialisation", 30m)]);
        r.Outcome.ShouldBe(Outcome.Eligible);
    }

    /// <summary>
    /// Every group at or above its minimum (innovation 20, growth 20 = main growth [5,10) 10 + debt 10, specialisation
    /// = other field 5 + main share): share 60% (15) totals 60, share 55% (10) totals 55. Scores move in steps of 5.
    /// </summary>
    [Theory]
    [InlineData(11_400_000, 12_000_000, 20, 60, Outcome.Eligible)] // growth 5.3%, share 60%
    [InlineData(10_400_000, 11_000_000, 15, 55, Outcome.NotEligible)] // growth 5.8%, share 55%
    public void A_total_of_60_passes_and_55_does_not_with_every_group_minimum_met(int mainBefore, int mainLatest, int specialisation, int total, Outcome outcome)
    {
        var r = Innovative().Latest("classTwoIp", 0).Fact("strategicEmergingField", 0)
            .Years("mainBusinessRevenue", null, mainBefore, mainLatest).Evaluate("innovativeSme");
        r.Score!.Groups.Select(g => g.Low).ShouldBe([20m, 20m, specialisation]);
        (r.Score.Low, r.Score.High).ShouldBe((total, total));
        r.Outcome.ShouldBe(outcome);
    }

    /// <summary>创新能力 ≥ 20 with growth and specialisation full (total 80 or 75, well above 60).</summary>
    [Theory]
    [InlineData(1_000_000, 20, Outcome.Eligible)] // no IP (0) + R&D 5% (20)
    [InlineData(600_000, 15, Outcome.NotEligible)] // no IP (0) + R&D 3% (15)
    public void Innovation_minimum_of_20(int rd, int innovation, Outcome outcome)
    {
        var r = Innovative().Latest("classTwoIp", 0).Latest("rdExpense", rd).Evaluate("innovativeSme");
        r.Score!.Groups.Single(g => g.Key == "innovation").Low.ShouldBe(innovation);
        r.Score.Low.ShouldBeGreaterThanOrEqualTo(60);
        r.Outcome.ShouldBe(outcome);
    }

    /// <summary>成长性 ≥ 15: debt 60% (5) plus main growth to 1,400万 of [5,10) (10) or 0 (5); innovation 25 and specialisation 30 keep the total over 60.</summary>
    [Theory]
    [InlineData(13_300_000, 15, Outcome.Eligible)] // 1,400 / 1,330 − 1 = 5.3%
    [InlineData(14_000_000, 10, Outcome.NotEligible)] // flat
    public void Growth_minimum_of_15(int mainBefore, int growth, Outcome outcome)
    {
        var r = Innovative().Latest("totalLiabilities", 6_000_000).Years("mainBusinessRevenue", null, mainBefore, 14_000_000).Evaluate("innovativeSme");
        r.Score!.Groups.Single(g => g.Key == "growth").Low.ShouldBe(growth);
        r.Score.Low.ShouldBeGreaterThanOrEqualTo(60);
        r.Outcome.ShouldBe(outcome);
    }

    /// <summary>专业化 ≥ 15: other field (5) plus main share 55% (10) or 50% (5); growth over 20% (20) keeps the total over 60.</summary>
    [Theory]
    [InlineData(9_000_000, 11_000_000, 15, Outcome.Eligible)]
    [InlineData(8_000_000, 10_000_000, 10, Outcome.NotEligible)]
    public void Specialisation_minimum_of_15(int mainBefore, int main, int specialisation, Outcome outcome)
    {
        var r = Innovative().Fact("strategicEmergingField", 0).Years("mainBusinessRevenue", null, mainBefore, main).Evaluate("innovativeSme");
        r.Score!.Groups.Single(g => g.Key == "specialisation").Low.ShouldBe(specialisation);
        r.Score.Low.ShouldBeGreaterThanOrEqualTo(60);
        r.Outcome.ShouldBe(outcome);
    }

    /// <summary>附件1 一、2 on revenue of 2,000万: ≥5% 20 · [3,5) 15 · [2,3) 10 · [1,2) 5 · &lt;1% 0.</summary>
    [Theory]
    [InlineData(1_000_000, 20)]
    [InlineData(999_999, 15)]
    [InlineData(600_000, 15)]
    [InlineData(599_999, 10)]
    [InlineData(400_000, 10)]
    [InlineData(399_999, 5)]
    [InlineData(200_000, 5)]
    [InlineData(199_999, 0)]
    public void Rd_ratio_bands(int rd, int points) =>
        Innovative().Latest("rdExpense", rd).Evaluate("innovativeSme").Item("rdRatio").Low.ShouldBe(points);

    /// <summary>附件1 二、3 from 1,000万 the year before: ≥15% 20 · [10,15) 15 · [5,10) 10 · [0,5) 5 · &lt;0 0.</summary>
    [Theory]
    [InlineData(11_500_000, 20)]
    [InlineData(11_499_999, 15)]
    [InlineData(11_000_000, 15)]
    [InlineData(10_999_999, 10)]
    [InlineData(10_500_000, 10)]
    [InlineData(10_499_999, 5)]
    [InlineData(10_000_000, 5)]
    [InlineData(9_999_999, 0)]
    public void Main_business_growth_bands(int latest, int points) =>
        Innovative().Years("mainBusinessRevenue", null, 10_000_000, latest).Evaluate("innovativeSme").Item("mainGrowth").Low.ShouldBe(points);

    /// <summary>附件1 三、6 on revenue of 2,000万: ≥70% 20 · [60,70) 15 · [55,60) 10 · [50,55) 5 · &lt;50% 0.</summary>
    [Theory]
    [InlineData(14_000_000, 20)]
    [InlineData(13_999_999, 15)]
    [InlineData(12_000_000, 15)]
    [InlineData(11_999_999, 10)]
    [InlineData(11_000_000, 10)]
    [InlineData(10_999_999, 5)]
    [InlineData(10_000_000, 5)]
    [InlineData(9_999_999, 0)]
    public void Main_business_share_bands(int main, int points) =>
        Innovative().Latest("mainBusinessRevenue", main).Evaluate("innovativeSme").Item("mainShare").Low.ShouldBe(points);

    /// <summary>附件1 一、1: high-value Class I 20 · self-developed Class I 15 · Class I 10 · Class II 5 · none 0.</summary>
    [Theory]
    [InlineData(1, 1, 0, 0, 20)]
    [InlineData(1, 0, 1, 0, 15)]
    [InlineData(1, 0, 0, 3, 10)]
    [InlineData(0, 0, 0, 1, 5)]
    [InlineData(0, 0, 0, 0, 0)]
    public void Ip_bands(int classOne, int highValue, int selfDeveloped, int classTwo, int points)
    {
        var item = Innovative().Latest("inventionPatents", classOne).Latest("classTwoIp", classTwo)
            .Fact("ipHighValueClassOne", highValue).Fact("ipSelfDevelopedClassOne", selfDeveloped).Evaluate("innovativeSme").Item("ip");
        (item.Low, item.High).ShouldBe((points, points));
    }

    [Theory]
    [InlineData("innovative.scienceAward")] // 直通（一）
    [InlineData("holds.hnte")] // 直通（二）
    [InlineData("innovative.otherTitle")] // 直通（二）
    [InlineData("innovative.rdInstitution")] // 直通（三）
    public void Each_direct_route_qualifies_a_failing_score(string fact)
    {
        WeakScore().Evaluate("innovativeSme").Outcome.ShouldBe(Outcome.NotEligible);
        var r = WeakScore().Fact(fact, 1).Evaluate("innovativeSme");
        r.Score!.Passed.ShouldBe(false);
        r.DirectlyQualified.ShouldBe(true);
        r.Outcome.ShouldBe(Outcome.Eligible);
    }

    [Theory]
    [InlineData(2_000_000, 2_000_000, 1_000_000, true)] // 500万 over three years
    [InlineData(2_000_000, 2_000_000, 999_999, false)]
    public void Equity_of_five_million_adds_up_over_three_years(int first, int second, int third, bool direct)
    {
        var r = WeakScore().Years("equityFinancing", first, second, third).Evaluate("innovativeSme");
        r.DirectlyQualified.ShouldBe(direct);
        r.Outcome.ShouldBe(direct ? Outcome.Eligible : Outcome.NotEligible);
    }

    [Fact]
    public void A_direct_route_still_needs_the_sme_condition()
    {
        var r = WeakScore().Fact("innovative.scienceAward", 1).Fact("sme", 0).Evaluate("innovativeSme");
        r.DirectlyQualified.ShouldBe(false);
        r.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Fact]
    public void An_undeclared_sme_status_needs_confirmation()
    {
        var r = Innovative().Without("sme").Evaluate("innovativeSme");
        r.Criterion("sme").Met.ShouldBeNull();
        r.Missing.ShouldContain("sme");
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
    }

    /// <summary>
    /// Main share 50% (5): the field (10 strategic, 5 other) decides whether 专业化 reaches 15, so leaving it undeclared
    /// must leave the result open rather than guess either way.
    /// </summary>
    [Theory]
    [InlineData(null, Outcome.NeedsConfirmation)]
    [InlineData(1, Outcome.Eligible)]
    [InlineData(0, Outcome.NotEligible)]
    public void An_undeclared_field_that_decides_the_specialisation_minimum_needs_confirmation(int? strategic, Outcome outcome)
    {
        var p = Innovative().Years("mainBusinessRevenue", null, 9_000_000, 10_000_000).Without("strategicEmergingField");
        if (strategic is { } s) p.Fact("strategicEmergingField", s);
        var r = p.Evaluate("innovativeSme");
        r.Outcome.ShouldBe(outcome);
        if (strategic is null) r.Missing.ShouldContain("strategicEmergingField");
    }

    [Fact]
    public void A_missing_revenue_figure_needs_confirmation_and_is_named()
    {
        var r = Innovative().Without("revenue").Evaluate("innovativeSme");
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
        r.Missing.ShouldContain("revenue[2025]");
    }

    [Fact]
    public void On_31_March_2026_the_2022_standard_decides_and_on_1_April_the_2026_rules_need_confirmation()
    {
        var before = Innovative().Evaluate("innovativeSme", LastDayOf2022Rules);
        before.Version.ShouldBe("2022");
        before.Outcome.ShouldBe(Outcome.Eligible);
        var after = Innovative().Evaluate("innovativeSme", FirstDayOf2026Rules);
        after.Version.ShouldBe("2026");
        after.Unverified.ShouldBeTrue();
        after.Outcome.ShouldBe(Outcome.NeedsConfirmation);
    }

    [Theory]
    [InlineData(1, Outcome.NeedsConfirmation)]
    [InlineData(0, Outcome.NotEligible)]
    public void Under_the_2026_rules_the_verified_sme_condition_still_decides_a_failure(int sme, Outcome outcome)
    {
        var r = Innovative().Fact("sme", sme).Evaluate("innovativeSme", FirstDayOf2026Rules);
        r.Criterion("sme").Met.ShouldBe(sme == 1);
        r.Outcome.ShouldBe(outcome);
    }

    /// <summary>A score of 55 fails the 2022 standard; the 2026 办法's scoring is unverified (§3.4), so it cannot decide a failure.</summary>
    [Fact]
    public void Under_the_2026_rules_a_failed_score_needs_confirmation_rather_than_refusing()
    {
        static Profile Failing() => Innovative().Latest("classTwoIp", 0).Fact("strategicEmergingField", 0)
            .Years("mainBusinessRevenue", null, 10_400_000, 11_000_000);
        Failing().Evaluate("innovativeSme", LastDayOf2022Rules).Outcome.ShouldBe(Outcome.NotEligible);
        var after = Failing().Evaluate("innovativeSme", FirstDayOf2026Rules);
        after.Score!.Passed.ShouldBe(false);
        after.Outcome.ShouldBe(Outcome.NeedsConfirmation);
    }
}
