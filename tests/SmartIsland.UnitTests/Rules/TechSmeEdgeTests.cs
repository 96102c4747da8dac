using Shouldly;
using SmartIsland.Rules.Engine;
using Xunit;

namespace SmartIsland.UnitTests.Rules;

/// <summary>
/// 科技型中小企业 (国科发政〔2017〕115号 附件) band edges: both R&amp;D ratios, the remaining tech-staff and IP edges.
/// "(含)" bounds are inclusive; expected points come from rules-reference.md §2.2.
/// </summary>
public sealed class TechSmeEdgeTests
{
    /// <summary>100 staff, 30 tech staff (20), sales 1,000万, total cost 800万, R&amp;D 60万, no IP; all size conditions met.</summary>
    private static Profile Small() => new Profile()
        .Latest("employees", 100).Latest("techStaff", 30)
        .Latest("revenue", 10_000_000).Latest("rdExpense", 600_000).Latest("totalCost", 8_000_000).Latest("totalAssets", 20_000_000)
        .Latest("inventionPatents", 0).Latest("classTwoIp", 0)
        .Declare("resident", "permittedIndustry", "techSme.cleanRecord");

    /// <summary>
    /// R&amp;D / 销售收入 on sales of 1,000万: ≥6% 50 · [5,6) 40 · [4,5) 30 · [3,4) 20 · [2,3) 10 · &lt;2% 0. The cost base of
    /// 800万 keeps the other ratio under 10% (0 points), so the better-of-two setting cannot hide a wrong band here.
    /// </summary>
    [Theory]
    [InlineData(600_000, 50)]
    [InlineData(599_999, 40)]
    [InlineData(500_000, 40)]
    [InlineData(499_999, 30)]
    [InlineData(400_000, 30)]
    [InlineData(399_999, 20)]
    [InlineData(300_000, 20)]
    [InlineData(299_999, 10)]
    [InlineData(200_000, 10)]
    [InlineData(199_999, 0)]
    public void Rd_over_sales_bands_include_their_lower_bound(int rd, int points)
    {
        var item = Small().Latest("rdExpense", rd).Evaluate("techSme").Item("rdInput");
        (item.Low, item.High).ShouldBe((points, points));
    }

    /// <summary>
    /// R&amp;D / 成本费用支出总额 on a cost base of 1,000万: ≥30% 50 · [25,30) 40 · [20,25) 30 · [15,20) 20 · [10,15) 10 · &lt;10% 0.
    /// Sales of 1.9亿 keep the sales ratio under 2% (0 points) for every amount here.
    /// </summary>
    [Theory]
    [InlineData(3_000_000, 50)]
    [InlineData(2_999_999, 40)]
    [InlineData(2_500_000, 40)]
    [InlineData(2_499_999, 30)]
    [InlineData(2_000_000, 30)]
    [InlineData(1_999_999, 20)]
    [InlineData(1_500_000, 20)]
    [InlineData(1_499_999, 10)]
    [InlineData(1_000_000, 10)]
    [InlineData(999_999, 0)]
    public void Rd_over_total_cost_bands_include_their_lower_bound(int rd, int points)
    {
        var item = Small().Latest("revenue", 190_000_000).Latest("totalCost", 10_000_000).Latest("rdExpense", rd)
            .Evaluate("techSme").Item("rdInput");
        (item.Low, item.High).ShouldBe((points, points));
    }

    [Theory]
    [InlineData(19, 8)] // just under 20%
    [InlineData(14, 4)] // just under 15%
    public void Tech_staff_just_under_a_band_edge_falls_to_the_band_below(int techStaff, int points)
    {
        var item = Small().Latest("techStaff", techStaff).Evaluate("techSme").Item("techStaff");
        (item.Low, item.High).ShouldBe((points, points));
    }

    /// <summary>附件 三: ≥1 Class I 30 · ≥4 Class II 24 · 3 Class II 18 · 2 Class II 12 · 1 Class II 6 · none 0.</summary>
    [Theory]
    [InlineData(0, 5, 24)]
    [InlineData(0, 2, 12)]
    [InlineData(0, 0, 0)]
    [InlineData(1, 4, 30)]
    public void Ip_bands_left_out_elsewhere(int classOne, int classTwo, int points) =>
        Small().Latest("inventionPatents", classOne).Latest("classTwoIp", classTwo).Evaluate("techSme").Item("ip").Low.ShouldBe(points);

    [Fact]
    public void The_pass_mark_of_sixty_against_the_score_one_band_lower()
    {
        // 12 (20% staff) + 30 (R&D 4% of sales) + 18 (three Class II) = 60 → eligible;
        // one yuan less R&D drops the R&D item to 20: 50 → not eligible.
        var at = Small().Latest("techStaff", 20).Latest("rdExpense", 400_000).Latest("classTwoIp", 3).Evaluate("techSme");
        at.Score!.Low.ShouldBe(60);
        at.Outcome.ShouldBe(Outcome.Eligible);
        var under = Small().Latest("techStaff", 20).Latest("rdExpense", 399_999).Latest("classTwoIp", 3).Evaluate("techSme");
        under.Score!.Low.ShouldBe(50);
        under.Outcome.ShouldBe(Outcome.NotEligible);
    }

    [Theory]
    [InlineData("permittedIndustry")]
    [InlineData("techSme.cleanRecord")]
    public void An_undeclared_condition_fact_needs_confirmation(string fact)
    {
        var r = Small().Without(fact).Evaluate("techSme");
        r.Outcome.ShouldBe(Outcome.NeedsConfirmation);
        r.Missing.ShouldContain(fact);
    }
}
