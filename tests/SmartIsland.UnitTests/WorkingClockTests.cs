using SmartIsland.Calendar.Domain;
using SmartIsland.Cases.Domain;
using Shouldly;

namespace SmartIsland.UnitTests;

/// <summary>Office hours 08:30–12:00 and 14:00–17:30 (+08:00) on the shipped 2025/2026 calendar; expected values counted by hand.</summary>
public sealed class WorkingClockTests
{
    private static readonly WorkingClock Clock = new(ShippedCalendar.Load());

    private static DateTimeOffset At(string local) =>
        new(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), WorkingClock.ChinaOffset);

    [Fact]
    public void A_request_submitted_on_the_Friday_before_national_day_gets_the_right_deadlines()
    {
        var friday = At("2025-09-26 10:00"); // the Friday before 国庆 2025
        // Response: 1 working day → Sunday 09-28 is a 调休 workday.
        new DeadlineTarget(1, DeadlineUnit.WorkingDays).DueFrom(Clock, friday).ShouldBe(At("2025-09-28 17:30"));
        // Resolution: 5 working days → 09-28, 09-29, 09-30, (10-01…10-08 off), 10-09, 10-10.
        new DeadlineTarget(5, DeadlineUnit.WorkingDays).DueFrom(Clock, friday).ShouldBe(At("2025-10-10 17:30"));
    }

    [Fact]
    public void Working_hours_skip_lunch_nights_weekends_and_count_adjusted_sundays()
    {
        Clock.Add(At("2026-11-23 11:00"), TimeSpan.FromHours(2)).ShouldBe(At("2026-11-23 15:00"));
        // Friday 16:30 + 4 h: 1 h on Friday, then Sunday 09-28 (调休) 08:30–11:30.
        new DeadlineTarget(4, DeadlineUnit.WorkingHours).DueFrom(Clock, At("2025-09-26 16:30")).ShouldBe(At("2025-09-28 11:30"));
        // Outside hours, the clock starts at the next opening.
        Clock.Add(At("2026-11-28 20:00"), TimeSpan.FromHours(1)).ShouldBe(At("2026-11-30 09:30"));
    }

    [Fact]
    public void Office_time_between_two_instants_leaves_out_holidays()
    {
        // 09-30 17:00–17:30, then 10-01…10-08 off, then 10-09 08:30–09:30.
        Clock.Between(At("2025-09-30 17:00"), At("2025-10-09 09:30")).ShouldBe(TimeSpan.FromHours(1.5));
        Clock.Between(At("2026-11-23 09:00"), At("2026-11-23 08:00")).ShouldBe(TimeSpan.Zero);
        Clock.Between(At("2026-11-23 00:00"), At("2026-11-24 00:00")).ShouldBe(WorkingHours.Default.PerDay);
    }

    [Fact]
    public void A_pause_moves_the_deadline_by_the_office_time_it_lasted()
    {
        var start = At("2026-11-23 09:00");
        var baseDue = new DeadlineTarget(5, DeadlineUnit.WorkingDays).DueFrom(Clock, start);
        baseDue.ShouldBe(At("2026-11-30 17:30"));
        // Waiting for the requester from Tue 09:00 to Wed 09:00: 7 office hours, one working day.
        var pauses = new[] { new Pause(At("2026-11-24 09:00"), At("2026-11-25 09:00")) };
        var status = DeadlineStatus.At(Clock, start, baseDue, pauses, At("2026-11-25 10:00"));
        status.Paused.ShouldBeFalse();
        status.PausedFor.ShouldBe(TimeSpan.FromHours(7));
        status.Due.ShouldBe(At("2026-12-01 17:30"));
        status.IsOverdue.ShouldBeFalse();
    }

    [Fact]
    public void While_paused_the_case_is_never_overdue_and_the_pause_shows()
    {
        var start = At("2026-11-23 09:00");
        var baseDue = new DeadlineTarget(1, DeadlineUnit.WorkingDays).DueFrom(Clock, start); // Tue 11-24 17:30
        var status = DeadlineStatus.At(Clock, start, baseDue, [new Pause(At("2026-11-23 10:00"), null)], At("2026-11-27 10:00"));
        status.Paused.ShouldBeTrue();
        status.IsOverdue.ShouldBeFalse();
        status.PausedFor.ShouldBeGreaterThan(TimeSpan.FromHours(20));
    }

    [Fact]
    public void A_late_case_reports_how_much_office_time_it_is_overdue()
    {
        var start = At("2026-11-23 09:00");
        var baseDue = new DeadlineTarget(1, DeadlineUnit.WorkingDays).DueFrom(Clock, start); // Tue 11-24 17:30
        var status = DeadlineStatus.At(Clock, start, baseDue, [], At("2026-11-25 10:30"));
        status.IsOverdue.ShouldBeTrue();
        status.Overdue.ShouldBe(TimeSpan.FromHours(2)); // Wed 08:30–10:30
        status.Remaining.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_deadline_past_the_loaded_years_is_refused() =>
        Should.Throw<CalendarYearNotLoadedException>(() => new DeadlineTarget(10, DeadlineUnit.WorkingDays).DueFrom(Clock, At("2026-12-28 09:00")));
}
