using Shouldly;
using SmartIsland.Rules.Engine;
using Xunit;

namespace SmartIsland.UnitTests.Rules;

/// <summary>The formula language: numbers as the texts write them, three-valued logic, and the derived values.</summary>
public sealed class ExpressionTests
{
    private static decimal? Eval(string text, FactSheet sheet) => Expression.Parse(text).Eval(new EvalContext(sheet));

    private static FactSheet Sheet(int firstYear = 2015) => new(2025, new DateOnly(2026, 6, 1), firstYear);

    [Theory]
    [InlineData("5000万", 50_000_000)]
    [InlineData("2亿", 200_000_000)]
    [InlineData("3%", 0.03)]
    [InlineData("1.5万 + 2 * 3", 15_006)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("-2 + 5", 3)]
    [InlineData("10 / 4", 2.5)]
    public void Numbers_read_as_the_texts_write_them(string text, double expected) =>
        Eval(text, Sheet()).ShouldBe((decimal)expected);

    [Theory]
    [InlineData("1 >= 1", 1)]
    [InlineData("1 > 1", 0)]
    [InlineData("2 <= 1", 0)]
    [InlineData("1 = 1 and 2 != 3", 1)]
    [InlineData("not 0", 1)]
    [InlineData("0 or 1 < 2", 1)]
    public void Comparisons_and_logic_give_one_or_zero(string text, int expected) =>
        Eval(text, Sheet()).ShouldBe(expected);

    [Fact]
    public void Unknown_stays_unknown_unless_the_answer_does_not_depend_on_it()
    {
        var s = Sheet();
        Eval("declared.missing = 1", s).ShouldBeNull();
        Eval("0 and declared.missing = 1", s).ShouldBe(0);
        Eval("1 or declared.missing = 1", s).ShouldBe(1);
        Eval("1 and declared.missing = 1", s).ShouldBeNull();
        Eval("0 or declared.missing = 1", s).ShouldBeNull();
        Eval("if(declared.missing, 1, 2)", s).ShouldBeNull();
        Eval("if(1, 5, declared.missing)", s).ShouldBe(5);
    }

    [Fact]
    public void Missing_figures_are_named_with_their_year()
    {
        var s = Sheet().SetYearly("revenue", 2025, 100);
        var ctx = new EvalContext(s);
        Expression.Parse("revenue[-1] + revenue").Eval(ctx).ShouldBeNull();
        ctx.Missing.ShouldBe(["revenue[2024]"]);
    }

    [Fact]
    public void Division_by_zero_is_unknown_not_an_exception()
    {
        var s = Sheet().SetYearly("employees", 2025, 0).SetYearly("techStaff", 2025, 0);
        var ctx = new EvalContext(s);
        Expression.Parse("techStaff / employees").Eval(ctx).ShouldBeNull();
        ctx.Missing.ShouldContain("÷0");
    }

    [Fact]
    public void Three_year_sums_use_only_the_years_a_young_company_operated()
    {
        var s = Sheet(firstYear: 2024).SetYearly("rdExpense", 2024, 10).SetYearly("rdExpense", 2025, 30);
        Eval("sum(rdExpense, 3)", s).ShouldBe(40);
        Eval("avg(rdExpense, 3)", s).ShouldBe(20);
        var old = Sheet().SetYearly("rdExpense", 2024, 10).SetYearly("rdExpense", 2025, 30);
        Eval("sum(rdExpense, 3)", old).ShouldBeNull(); // operated in 2023 but 2023 is missing: not a smaller sum
    }

    [Fact]
    public void Average_growth_follows_the_hnte_guideline_formula()
    {
        // ½·(1200/1000 + 1500/1200) − 1 = ½·(1.2 + 1.25) − 1 = 0.225
        var s = Sheet().SetYearly("netAssets", 2023, 1000).SetYearly("netAssets", 2024, 1200).SetYearly("netAssets", 2025, 1500);
        Eval("avgGrowth(netAssets)", s).ShouldBe(0.225m);
    }

    [Fact]
    public void Average_growth_with_a_zero_first_year_uses_the_last_two_years()
    {
        var s = Sheet().SetYearly("revenue", 2023, 0).SetYearly("revenue", 2024, 800).SetYearly("revenue", 2025, 1000);
        Eval("avgGrowth(revenue)", s).ShouldBe(0.25m);
    }

    [Fact]
    public void Average_growth_with_a_zero_second_year_is_zero()
    {
        var s = Sheet().SetYearly("revenue", 2023, 500).SetYearly("revenue", 2024, 0).SetYearly("revenue", 2025, 1000);
        Eval("avgGrowth(revenue)", s).ShouldBe(0m);
    }

    [Fact]
    public void Average_growth_of_a_two_year_old_company_is_its_one_growth()
    {
        var s = Sheet(firstYear: 2024).SetYearly("revenue", 2024, 800).SetYearly("revenue", 2025, 1000);
        Eval("avgGrowth(revenue)", s).ShouldBe(0.25m);
    }

    [Fact]
    public void Step_gives_the_points_of_the_first_threshold_reached()
    {
        var s = Sheet();
        Eval("step(0.06, 6%, 50, 5%, 40, 0)", s).ShouldBe(50);
        Eval("step(0.0599, 6%, 50, 5%, 40, 0)", s).ShouldBe(40);
        Eval("step(0.01, 6%, 50, 5%, 40, 0)", s).ShouldBe(0);
    }

    [Theory]
    [InlineData("sum(revenue)")]
    [InlineData("nosuch(1)")]
    [InlineData("1 +")]
    [InlineData("(1")]
    [InlineData("growth(revenue[-1])")]
    [InlineData("step(1, 2, 3)")]
    public void Malformed_formulas_are_refused_with_where(string text) =>
        Should.Throw<FormatException>(() => Expression.Parse(text)).Message.ShouldContain(text);
}
