using Shouldly;
using SmartIsland.Services.Applications;
using SmartIsland.Services.Timeliness;

namespace SmartIsland.UnitTests.Services;

/// <summary>The timeliness figures' definitions and the ranking with ties; expected values worked out by hand.</summary>
public sealed class TimelinessMathTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static CompletedApplication App(int? days, bool? onTime, int promised = 5, int statutory = 20, bool auto = false,
        ApplicationChannel channel = ApplicationChannel.Window, bool cross = false, DateTimeOffset? submitted = null, DateTimeOffset? completed = null) =>
        new(null, "局", submitted ?? new DateTimeOffset(2026, 3, 2, 9, 0, 0, China), completed ?? new DateTimeOffset(2026, 3, 4, 9, 0, 0, China),
            days, onTime, auto, promised, statutory, channel, cross);

    [Fact]
    public void Immediate_needs_a_zero_day_promise_or_automatic_approval_and_zero_days_taken()
    {
        var d = TimelinessCalculator.Summarise(null, "局", [
            App(0, true, promised: 0),            // 即办件 handled at once
            App(0, true, auto: true),             // 秒批
            App(1, true, promised: 0),            // 即办件 that took a day: not immediate
            App(0, true),                         // fast, but neither 即办 nor 秒批
        ]);
        d.Immediate.ShouldBe(2);
        d.ImmediateShare.ShouldBe(0.5);
    }

    [Fact]
    public void Same_day_is_the_calendar_day_in_China()
    {
        var d = TimelinessCalculator.Summarise(null, "局", [
            // 23:00 and 23:50 UTC on 1 March are 07:00 and 07:50 on 2 March in China: same day.
            App(0, true, submitted: new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), completed: new DateTimeOffset(2026, 3, 1, 23, 50, 0, TimeSpan.Zero)),
            // 15:00 and 16:30 UTC on 1 March straddle midnight in China: not the same day.
            App(0, true, submitted: new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero), completed: new DateTimeOffset(2026, 3, 1, 16, 30, 0, TimeSpan.Zero)),
        ]);
        d.SameDay.ShouldBe(1);
    }

    [Fact]
    public void Speed_up_is_the_mean_of_one_minus_days_over_the_statutory_limit()
    {
        var d = TimelinessCalculator.Summarise(null, "局", [
            App(2, true, statutory: 20),   // 0.9
            App(10, false, statutory: 20), // 0.5
            App(3, true, statutory: 0),    // no statutory limit: left out
            App(null, null, statutory: 20),// days unknown: left out
        ]);
        d.SpeedUp.ShouldBe(0.7);
        d.SpeedUpMeasured.ShouldBe(2);
        d.OnTime.ShouldBe(2);
        d.OnTimeMeasured.ShouldBe(3);
        d.OnTimeRate.ShouldBe(0.6667);
    }

    [Fact]
    public void Departments_equal_on_every_key_share_a_rank_and_the_next_is_skipped()
    {
        static DepartmentTimeliness D(string name, double? onTime, double? speed, double? immediate) =>
            new(null, name, 1, 0, immediate, 0, null, 0, 1, onTime, speed, 1, 0, 0);
        var ranked = TimelinessRanking.Rank([
            D("丁", 0.9, 0.5, 0.1),
            D("甲", 1.0, 0.4, 0.2),
            D("乙", 1.0, 0.4, 0.2),
            D("丙", 1.0, 0.4, 0.1),
            D("戊", null, 0.9, 0.9),
        ]);
        ranked.Select(d => (d.Department, d.Rank)).ShouldBe([("乙", 1), ("甲", 1), ("丙", 3), ("丁", 4), ("戊", 5)]);
    }

    [Fact]
    public void Periods_are_whole_months_quarters_and_years()
    {
        TimelinessPeriod.Of(TimelinessPeriodKind.Month, 2026, 2).ShouldBe(new TimelinessPeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)));
        TimelinessPeriod.Of(TimelinessPeriodKind.Quarter, 2026, 3).ShouldBe(new TimelinessPeriod(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)));
        TimelinessPeriod.Of(TimelinessPeriodKind.Year, 2025, 0).ShouldBe(new TimelinessPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
    }
}
