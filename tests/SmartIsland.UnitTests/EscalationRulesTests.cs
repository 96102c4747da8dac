using Shouldly;
using SmartIsland.Cases.Domain;

namespace SmartIsland.UnitTests;

/// <summary>
/// Reminders, escalation and keep-in-loop on the shipped calendar, office hours 08:30–12:00 and
/// 14:00–17:30 (+08:00), the default ladder (remind 4 h before; level 1 at the deadline; level 2 seven
/// working hours later). Expected instants counted by hand.
/// </summary>
public sealed class EscalationRulesTests
{
    private static readonly WorkingClock Clock = new(ShippedCalendar.Load());
    private static readonly EscalationPolicy Ladder = EscalationPolicy.Default;
    private static readonly EscalationMarks Fresh = new(0, null, false);

    private static DateTimeOffset At(string local) =>
        new(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), WorkingClock.ChinaOffset);

    // Submitted Wed 2026-12-02 10:00, to be resolved by Thu 12-03 17:30.
    private static EscalationReading Reading(string now, params Pause[] pauses) =>
        new(At(now), DeadlineStatus.At(Clock, At("2026-12-02 10:00"), At("2026-12-03 17:30"), pauses, At(now)), null);

    [Fact]
    public void No_reminder_while_more_than_the_window_is_left()
    {
        // Thu 11:00: 1 h before noon and 3.5 h in the afternoon = 4.5 h left.
        EscalationRules.Decide(Reading("2026-12-03 11:00"), Ladder, Fresh).ShouldBe(EscalationDue.Nothing);
    }

    [Fact]
    public void A_reminder_is_due_inside_the_window_and_only_once()
    {
        var due = EscalationRules.Decide(Reading("2026-12-03 11:45"), Ladder, Fresh); // 3.75 h left
        due.Remind.ShouldBeTrue();
        due.Steps.ShouldBeEmpty();
        EscalationRules.Decide(Reading("2026-12-03 11:45"), Ladder, Fresh with { ReminderSentAt = At("2026-12-03 11:40") }).Any.ShouldBeFalse();
    }

    [Fact]
    public void A_missed_deadline_escalates_to_level_one_at_once_even_after_office_hours_and_sends_no_late_reminder()
    {
        var due = EscalationRules.Decide(Reading("2026-12-03 17:45"), Ladder, Fresh);
        due.Remind.ShouldBeFalse();
        due.Steps.Select(s => (s.Level, s.To)).ShouldBe([(1, EscalationTarget.UnitSupervisor)]);
    }

    [Fact]
    public void Level_two_waits_for_seven_working_hours_past_the_deadline()
    {
        var levelOne = new EscalationMarks(1, At("2026-12-03 11:45"), false);
        // Fri 17:00: 3.5 + 3 = 6.5 working hours overdue.
        EscalationRules.Decide(Reading("2026-12-04 17:00"), Ladder, levelOne).Any.ShouldBeFalse();
        EscalationRules.Decide(Reading("2026-12-04 17:30"), Ladder, levelOne).Steps.Select(s => (s.Level, s.To)).ShouldBe([(2, EscalationTarget.ZoneLeader)]);
        EscalationRules.Decide(Reading("2026-12-07 09:00"), Ladder, levelOne with { Level = 2 }).Any.ShouldBeFalse();
    }

    [Fact]
    public void A_case_first_seen_long_overdue_takes_every_level_due_in_order()
    {
        EscalationRules.Decide(Reading("2026-12-07 09:00"), Ladder, Fresh).Steps.Select(s => s.Level).ShouldBe([1, 2]);
    }

    [Fact]
    public void A_paused_clock_neither_reminds_nor_escalates()
    {
        var waiting = new Pause(At("2026-12-02 10:00"), null);
        EscalationRules.Decide(Reading("2026-12-07 09:00", waiting), Ladder, Fresh).ShouldBe(EscalationDue.Nothing);
    }

    [Fact]
    public void A_finished_pause_moves_the_deadline_by_the_office_time_it_lasted()
    {
        // Paused Wed 10:00 – Fri 10:00 = 2 + 3.5 + 7 + 1.5 = 14 h: due moves from Thu 17:30 to Mon 12-07 17:30.
        var waited = new Pause(At("2026-12-02 10:00"), At("2026-12-04 10:00"));
        EscalationRules.Decide(Reading("2026-12-07 09:00", waited), Ladder, Fresh).Any.ShouldBeFalse();
        EscalationRules.Decide(Reading("2026-12-07 14:00", waited), Ladder, Fresh).Remind.ShouldBeTrue(); // 3.5 h left
        EscalationRules.Decide(Reading("2026-12-07 17:45", waited), Ladder, Fresh).Steps.Select(s => s.Level).ShouldBe([1]);
    }

    [Fact]
    public void A_type_without_steps_never_escalates()
    {
        EscalationRules.Decide(Reading("2026-12-07 09:00"), new EscalationPolicy(4, []), Fresh).ShouldBe(EscalationDue.Nothing);
    }

    // Keep-in-loop: every 2 working days, counted from Wed 2026-12-16 10:00 → an update is due by Fri 12-18 17:30.
    private static DeadlineStatus? Progress(string now, CaseState state = CaseState.InProgress, int? every = 2, params Pause[] pauses) =>
        EscalationRules.ProgressDeadline(Clock, every, state, At("2026-12-16 10:00"), pauses, At(now));

    private static EscalationReading WithProgress(string now, DeadlineStatus? progress) =>
        new(At(now), DeadlineStatus.At(Clock, At("2026-12-16 10:00"), At("2026-12-31 17:30"), [], At(now)), progress);

    [Fact]
    public void Keep_in_loop_flags_once_when_no_progress_came_in_time()
    {
        Progress("2026-12-18 17:00")!.Due.ShouldBe(At("2026-12-18 17:30"));
        EscalationRules.Decide(WithProgress("2026-12-18 17:00", Progress("2026-12-18 17:00")), Ladder, Fresh).Any.ShouldBeFalse();
        EscalationRules.Decide(WithProgress("2026-12-18 17:45", Progress("2026-12-18 17:45")), Ladder, Fresh).FlagProgressOverdue.ShouldBeTrue();
        EscalationRules.Decide(WithProgress("2026-12-21 09:00", Progress("2026-12-21 09:00")), Ladder, Fresh with { ProgressOverdue = true }).Any.ShouldBeFalse();
    }

    [Fact]
    public void Keep_in_loop_is_off_without_a_period_and_outside_handling()
    {
        Progress("2026-12-21 09:00", every: null).ShouldBeNull();
        Progress("2026-12-21 09:00", CaseState.WaitingForRequester).ShouldBeNull();
        Progress("2026-12-21 09:00", CaseState.Submitted).ShouldBeNull();
    }

    [Fact]
    public void Keep_in_loop_counts_only_the_pauses_after_its_start()
    {
        // Before the start: ignored. Thu 08:30–12:00 after it: 3.5 h later, Mon 12-21 12:00.
        Progress("2026-12-21 09:00", pauses: new Pause(At("2026-12-14 09:00"), At("2026-12-15 09:00")))!.Due.ShouldBe(At("2026-12-18 17:30"));
        Progress("2026-12-21 09:00", pauses: new Pause(At("2026-12-17 08:30"), At("2026-12-17 12:00")))!.Due.ShouldBe(At("2026-12-21 12:00"));
        // Straddling the start: only Wed 10:00–12:00 counts, 2 h → Mon 10:30.
        Progress("2026-12-21 09:00", pauses: new Pause(At("2026-12-15 09:00"), At("2026-12-16 12:00")))!.Due.ShouldBe(At("2026-12-21 10:30"));
    }
}
