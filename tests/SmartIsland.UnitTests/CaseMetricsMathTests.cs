using Shouldly;
using SmartIsland.Cases.Metrics;

namespace SmartIsland.UnitTests;

/// <summary>The pure arithmetic of case metrics: percentiles, rounding, periods, score and ranking. Expected values by hand or from Excel.</summary>
public sealed class CaseMetricsMathTests
{
    private static HandlingHistogram Of(params double[] hours)
    {
        var h = new HandlingHistogram();
        foreach (var v in hours) h.Add(v);
        return h;
    }

    [Fact]
    public void Percentiles_are_those_of_excel_percentile_inc()
    {
        // Excel: =PERCENTILE.INC({1,2,3,4},0.5) → 2.5; 0.9 → 3.7; =MEDIAN({2,8,43}) → 8; PERCENTILE.INC({2,8,43},0.9) → 36.
        Of(1, 2, 3, 4).Percentile(0.5).ShouldBe(2.5);
        Of(4, 1, 3, 2).Percentile(0.9).ShouldBe(3.7);
        Of(43, 2, 8).Percentile(0.5).ShouldBe(8);
        Of(2, 8, 43).Percentile(0.9).ShouldBe(36);
        Of(5).Percentile(0.9).ShouldBe(5);
        Of(1, 1, 1, 9).Percentile(0.5).ShouldBe(1);
        Of(1, 2).Percentile(0).ShouldBe(1);
        Of(1, 2).Percentile(1).ShouldBe(2);
        new HandlingHistogram().Percentile(0.5).ShouldBeNull();
    }

    [Fact]
    public void Percentiles_match_a_sorted_list_for_many_repeated_values()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 5_001).Select(_ => (double)random.Next(0, 60)).ToList();
        var h = new HandlingHistogram();
        foreach (var v in values) h.Add(v);
        var sorted = values.Order().ToList();
        foreach (var p in new[] { 0.1, 0.5, 0.9, 0.99 })
        {
            var rank = (sorted.Count - 1) * p;
            var expected = sorted[(int)Math.Floor(rank)] + (sorted[(int)Math.Ceiling(rank)] - sorted[(int)Math.Floor(rank)]) * (rank - Math.Floor(rank));
            h.Percentile(p)!.Value.ShouldBe(Math.Round(expected, 2), 1e-9);
        }
    }

    [Theory]
    [InlineData(0.004, 0.0)]
    [InlineData(0.256, 0.26)]
    [InlineData(0.996, 1.0)]
    [InlineData(8.04, 8.0)]
    [InlineData(8.05, 8.1)]
    [InlineData(43.4, 43)]
    [InlineData(99.6, 100)]
    [InlineData(154, 150)]
    [InlineData(1234, 1200)]
    [InlineData(50_000, 10_000)]
    public void Handling_times_count_to_two_significant_figures(double hours, double counted)
    {
        HandlingHistogram.Round(hours).ShouldBe(counted);
        Of(hours).Percentile(0.5).ShouldBe(counted);
    }

    [Fact]
    public void A_histogram_survives_its_stored_text_and_merges()
    {
        var a = Of(0.5, 2, 2, 43, 150);
        var text = a.ToString();
        text.ShouldBe("50:1,200:2,4300:1,15000:1");
        var back = HandlingHistogram.Parse(text);
        back.Count.ShouldBe(5);
        back.ToString().ShouldBe(text);
        back.MergeText("200:3,700:1");
        back.Count.ShouldBe(9);
        back.Percentile(0.5).ShouldBe(2); // 0.5, 2×5, 7, 43, 150
        HandlingHistogram.Parse("").Count.ShouldBe(0);
    }

    [Fact]
    public void Periods_are_whole_calendar_months_quarters_and_years_in_zone_time()
    {
        var today = new DateOnly(2026, 11, 25);
        MetricsPeriod.Of(MetricsPeriodKind.ThisMonth, today).ShouldBe(new MetricsPeriod(new(2026, 11, 1), new(2026, 11, 30)));
        MetricsPeriod.Of(MetricsPeriodKind.LastMonth, today).ShouldBe(new MetricsPeriod(new(2026, 10, 1), new(2026, 10, 31)));
        MetricsPeriod.Of(MetricsPeriodKind.LastMonth, new DateOnly(2026, 1, 9)).ShouldBe(new MetricsPeriod(new(2025, 12, 1), new(2025, 12, 31)));
        MetricsPeriod.Of(MetricsPeriodKind.ThisQuarter, today).ShouldBe(new MetricsPeriod(new(2026, 10, 1), new(2026, 12, 31)));
        MetricsPeriod.Of(MetricsPeriodKind.ThisQuarter, new DateOnly(2026, 3, 31)).ShouldBe(new MetricsPeriod(new(2026, 1, 1), new(2026, 3, 31)));
        MetricsPeriod.Of(MetricsPeriodKind.ThisYear, today).ShouldBe(new MetricsPeriod(new(2026, 1, 1), new(2026, 12, 31)));
        MetricsPeriod.Of(MetricsPeriodKind.LastMonth, new DateOnly(2026, 3, 30)).To.ShouldBe(new DateOnly(2026, 2, 28));
    }

    [Fact]
    public void Whole_months_inside_a_period_are_read_from_month_rows_and_the_rest_from_day_rows()
    {
        new MetricsPeriod(new(2025, 11, 15), new(2026, 12, 31)).WholeMonths().ShouldBe((new DateOnly(2025, 12, 1), new DateOnly(2027, 1, 1)));
        new MetricsPeriod(new(2026, 12, 1), new(2026, 12, 7)).WholeMonths().ShouldBe((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)));
        new MetricsPeriod(new(2026, 12, 2), new(2026, 12, 31)).WholeMonths().ShouldBe((new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1)));
        new MetricsPeriod(new(2026, 2, 1), new(2026, 2, 28)).WholeMonths().ShouldBe((new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)));
        new MetricsPeriod(new(2026, 2, 10), new(2026, 2, 20)).WholeMonths().ShouldBe((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void The_score_weighs_closure_40_on_time_30_satisfaction_30_and_scales_up_what_is_measured()
    {
        MetricsRanking.Score(1, 1, 1).ShouldBe(100);
        MetricsRanking.Score(0.2, 2 / 3.0, 0.5).ShouldBe(43); // 8 + 20 + 15
        MetricsRanking.Score(0, 1, null).ShouldBe(42.9);       // 30 / 70
        MetricsRanking.Score(0.5, null, null).ShouldBe(50);
        MetricsRanking.Score(null, null, null).ShouldBeNull();
    }

    private static UnitMetrics Unit(string name, long received, double? closure, double? score, double? median = null, long overdue = 0) =>
        new(Guid.NewGuid(), name, MetricsUnitKind.Department, received, 0, closure, 0, 0, null, median, null, 0, 0, null, null, overdue, score);

    [Fact]
    public void Ranking_puts_the_best_first_breaks_ties_and_leaves_units_without_a_value_unranked()
    {
        var units = new[]
        {
            Unit("乙", 2, 1, 100, median: 1),
            Unit("甲", 1, 1, 100, median: 0.5),
            Unit("丙", 3, 0, 42.9, median: 3, overdue: 2),
            Unit("丁", 0, null, null),
        };
        var byScore = MetricsRanking.Rank(units, MetricsSort.Score);
        byScore.Select(u => (u.Name, u.Rank)).ShouldBe([("乙", 1), ("甲", 2), ("丙", 3), ("丁", (int?)null)]);
        MetricsRanking.Rank(units, MetricsSort.Received).Select(u => u.Name).ShouldBe(["丙", "乙", "甲", "丁"]);
        MetricsRanking.Rank(units, MetricsSort.MedianHandlingHours).Select(u => (u.Name, u.Rank)).ShouldBe([("甲", 1), ("乙", 2), ("丙", 3), ("丁", (int?)null)]);
        // Fewer overdue is better; every unit has a count, so every unit is ranked.
        MetricsRanking.Rank(units, MetricsSort.OverdueNow)[^1].Name.ShouldBe("丙");
        MetricsRanking.Rank(units, MetricsSort.OverdueNow).ShouldAllBe(u => u.Rank != null);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.01, 1)]
    [InlineData(1.5, 1)]
    [InlineData(7, 1)]
    [InlineData(7.01, 2)]
    [InlineData(8.5, 2)]
    [InlineData(21, 3)]
    public void Working_days_overdue_count_a_part_day_as_a_day(double hours, int days) =>
        CaseMetricsService.OverdueDays(hours, 7).ShouldBe(days);
}
