using SmartIsland.Calendar.Domain;
using Shouldly;

namespace SmartIsland.UnitTests;

/// <summary>Expected dates are counted by hand from the State Council notices (rules-reference §6).</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = ShippedCalendar.Load();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-02-14", true)]  // Saturday, 春节调休 workday
    [InlineData("2026-02-16", false)] // Monday inside 春节
    [InlineData("2026-02-28", true)]  // Saturday, 春节调休 workday
    [InlineData("2026-10-08", true)]  // Thursday after 国庆 2026 (holiday ends 10-07)
    [InlineData("2025-10-08", false)] // 国庆+中秋 2025 runs to 10-08
    [InlineData("2025-10-11", true)]  // Saturday 调休
    [InlineData("2026-11-28", false)] // plain Saturday
    public void Knows_holidays_and_adjusted_workdays(string date, bool working) =>
        Calendar.IsWorkingDay(D(date)).ShouldBe(working);

    [Fact]
    public void Adding_across_spring_festival_counts_the_adjusted_saturday()
    {
        // Accepted Fri 2026-02-13: 02-14 (Sat, workday) is day 1; 02-15..02-23 off; 02-24 day 2 … 02-27 day 5.
        Calendar.AddWorkingDays(D("2026-02-13"), 5).ShouldBe(D("2026-02-27"));
        // Day 6 is Saturday 02-28, the second 调休 workday.
        Calendar.AddWorkingDays(D("2026-02-13"), 6).ShouldBe(D("2026-02-28"));
    }

    [Fact]
    public void Adding_across_national_day_counts_the_adjusted_saturday()
    {
        // Accepted 2026-09-30: 10-01..10-07 off; 10-08 day 1, 10-09 day 2, Sat 10-10 (调休) day 3.
        Calendar.AddWorkingDays(D("2026-09-30"), 3).ShouldBe(D("2026-10-10"));
    }

    [Fact]
    public void The_day_of_acceptance_does_not_count() =>
        Calendar.AddWorkingDays(D("2026-11-23"), 1).ShouldBe(D("2026-11-24"));

    [Fact]
    public void Zero_days_is_the_same_day() => Calendar.AddWorkingDays(D("2026-11-23"), 0).ShouldBe(D("2026-11-23"));

    [Fact]
    public void Counting_across_the_year_boundary()
    {
        // Wed 2025-12-31 + 1: 2026-01-01..03 off, Sun 01-04 is a 调休 workday.
        Calendar.AddWorkingDays(D("2025-12-31"), 1).ShouldBe(D("2026-01-04"));
        Calendar.WorkingDaysBetween(D("2025-12-30"), D("2026-01-05")).ShouldBe(3); // 12-31, 01-04, 01-05
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Each_loaded_year_has_248_working_days(int year) => Calendar.WorkingDaysInYear(year).ShouldBe(248);

    [Fact]
    public void Between_is_negative_when_reversed() =>
        Calendar.WorkingDaysBetween(D("2026-11-27"), D("2026-11-23")).ShouldBe(-4);

    [Fact]
    public void A_date_past_the_loaded_years_is_refused_not_guessed()
    {
        Should.Throw<CalendarYearNotLoadedException>(() => Calendar.IsWorkingDay(D("2027-03-01"))).Year.ShouldBe(2027);
        Should.Throw<CalendarYearNotLoadedException>(() => Calendar.AddWorkingDays(D("2026-12-28"), 10));
    }
}
