using Shouldly;
using SmartIsland.Rules.Engine;
using Xunit;

namespace SmartIsland.UnitTests.Rules;

/// <summary>科技型中小企业 (国科发政〔2017〕115号): size conditions, scoring, pass at 60 with a non-zero tech-staff score, direct confirmation.</summary>
public sealed class TechSmeRulesTests
{
    /// <summary>100 staff, 30 tech staff (30% → 20), sales 1,000万, R&amp;D 60万 (6% → 50), no IP (0): 70 points.</summary>
    private static Profile Small() => new Profile()
        .Latest("employees", 100).Latest("techStaff", 30)
        .Latest("revenue", 10_000_000).Latest("rdExpense", 600_000).Latest("totalCost", 8_000_000).Latest("totalAssets", 20_000_000)
        .Latest("inventionPatents", 0).Latest("classTwoIp", 0)
        .Declare("resident", "permittedIndustry", "techSme.cleanRecord");

    [Fact]
    public void Seventy_points_within_the_size_limits_is_eligible()
    {
        var r = Small().Evaluate("techSme");
        (r.Score!.Low, r.Score.High).ShouldBe((70m, 70m));
        r.Outcome.ShouldBe(Outcome.Eligible);
    }

    [Theory]
    [InlineData("employees", 500, true)]
    [InlineData("employees", 501, false)]
    [InlineData("revenue", 200_000_000, true)]
    [InlineData("revenue", 200_000_001, false)]
    [InlineData("totalAssets", 200_000_000, true)]
    [InlineData("totalAssets", 200_000_001, false)]
    public void Size_limits_include_the_limit_itself(string figure, int value, bool met)
    {
        var p = Small().Latest(figure, value);
        if (figure == "employees") p.Latest("techStaff", value * 3 / 10);
        if (figure == "revenue") p.Latest("rdExpense", value * 0.06m);
        var r = p.Evaluate("techSme");
        r.Criterion(figure).Met.ShouldBe(met);
        r.Outcome.ShouldBe(met ? Outcome.Eligible : Outcome.NotEligible);
    }

    [Theory]
    [InlineData(30, 20)]
    [InlineData(29, 16)]
    [InlineData(25, 16)]
    [InlineData(24, 12)]
    [InlineData(20, 12)]
    [InlineData(15, 8)]
    [InlineData(10, 4)]
    [InlineData(9, 0)]
    public void Tech_staff_bands_include_their_lower_bound(int techStaff, int points)
    {
        var item = Small().Latest("techStaff", techStaff).Evaluate("techSme").Item("techStaff");
        (item.Low, item.High).ShouldBe((points, points));
    }

    [Fact]
    public void A_zero_tech_staff_score_fails_whatever_the_total()
    {
        // 9% tech staff (0) + R&D 50 + one invention patent 30 = 80, still not eligible.
        var r = Small().Latest("techStaff", 9).Latest("inventionPatents", 1).Evaluate("techSme");
        r.Score!.Low.ShouldBe(80);
        r.Score.Passed.ShouldBe(false);
        r.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Fact]
    public void Exactly_sixty_passes_and_fifty_four_does_not()
    {
        // 20% tech staff → 12; R&D 4% of sales → 30 (and 5% of cost → 0); three Class II → 18: 60.
        var p = Small().Latest("techStaff", 20).Latest("rdExpense", 400_000).Latest("classTwoIp", 3);
        p.Evaluate("techSme").Score!.Low.ShouldBe(60);
        p.Evaluate("techSme").Outcome.ShouldBe(Outcome.Eligible);
        var fewer = p.Latest("classTwoIp", 2).Evaluate("techSme");
        fewer.Score!.Low.ShouldBe(54);
        fewer.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Fact]
    public void The_better_of_the_two_rd_ratios_counts_when_the_setting_says_so()
    {
        // R&D 20万: 2% of sales (10) but 25% of a 80万 cost base (40).
        var r = Small().Latest("rdExpense", 200_000).Latest("totalCost", 800_000).Evaluate("techSme");
        r.Item("rdInput").Low.ShouldBe(40);
    }

    [Fact]
    public void Without_the_best_of_two_setting_the_declared_basis_counts_and_undeclared_is_open()
    {
        var def = RuleSetLibrary.Official.Single(d => d.Code == "techSme");
        var json = RuleSetLibrary.ToJson(def).Replace("\"rdRatioBest\": 1", "\"rdRatioBest\": 0", StringComparison.Ordinal);
        var declaredChoice = RuleSetLibrary.Compile(RuleSetLibrary.Parse(json));
        var p = Small().Latest("rdExpense", 200_000).Latest("totalCost", 800_000);
        var open = declaredChoice.Evaluate(p.Sheet()).Item("rdInput");
        (open.Low, open.High).ShouldBe((0m, 50m));
        declaredChoice.Evaluate(p.Fact("techSme.rdBasis", 1).Sheet()).Item("rdInput").Low.ShouldBe(10);
        declaredChoice.Evaluate(p.Fact("techSme.rdBasis", 2).Sheet()).Item("rdInput").Low.ShouldBe(40);
    }

    [Theory]
    [InlineData(1, 0, 30)]
    [InlineData(0, 4, 24)]
    [InlineData(0, 3, 18)]
    [InlineData(0, 1, 6)]
    public void Ip_scores_class_one_first(int classOne, int classTwo, int points) =>
        Small().Latest("inventionPatents", classOne).Latest("classTwoIp", classTwo).Evaluate("techSme").Item("ip").Low.ShouldBe(points);

    [Fact]
    public void A_valid_hnte_certificate_confirms_directly_even_with_a_low_score()
    {
        var p = Small().Latest("techStaff", 5).Latest("rdExpense", 0);
        p.Evaluate("techSme").Outcome.ShouldBe(Outcome.NotEligible);
        var r = p.Fact("holds.hnte", 1).Evaluate("techSme");
        r.DirectlyQualified.ShouldBe(true);
        r.Outcome.ShouldBe(Outcome.Eligible);
    }

    [Theory]
    [InlineData("techSme.nationalAward")]
    [InlineData("techSme.rdInstitution")]
    [InlineData("techSme.ledStandard")]
    public void Each_direct_condition_confirms_on_its_own(string fact) =>
        Small().Latest("techStaff", 5).Declare(fact).Evaluate("techSme").Outcome.ShouldBe(Outcome.Eligible);

    [Fact]
    public void Direct_confirmation_still_needs_the_size_conditions()
    {
        var r = Small().Latest("employees", 600).Latest("techStaff", 180).Fact("holds.hnte", 1).Evaluate("techSme");
        r.DirectlyQualified.ShouldBe(false);
        r.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Fact]
    public void An_undeclared_resident_status_needs_confirmation()
    {
        var r = Small().Without("resident").Evaluate("techSme");
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
        r.Missing.ShouldContain("resident");
    }
}
