namespace SmartIsland.Cases.Domain;

/// <summary>What the sweeps already did to a case, as its row records it.</summary>
public sealed record EscalationMarks(int Level, DateTimeOffset? ReminderSentAt, bool ProgressOverdue);

/// <summary>
/// A case's clock read at <see cref="Now"/>: its resolution deadline and, when the type asks for
/// progress updates (keep-in-loop), the deadline for the next one. Both already moved by pauses.
/// </summary>
public sealed record EscalationReading(DateTimeOffset Now, DeadlineStatus Resolution, DeadlineStatus? Progress);

/// <summary>What is due now: a reminder, the escalation steps not yet taken, the keep-in-loop flag.</summary>
public sealed record EscalationDue(bool Remind, IReadOnlyList<EscalationStep> Steps, bool FlagProgressOverdue)
{
    public static EscalationDue Nothing { get; } = new(false, [], false);

    public bool Any => Remind || Steps.Count > 0 || FlagProgressOverdue;
}

/// <summary>
/// Reminders, escalation (督办) and keep-in-loop, as rules over a case's clock (issue 3 §2: "reminders
/// before the deadline; on overdue, escalation to the unit's supervisor with a 督办 mark, then to the
/// zone leader; levels and timings per type; progress updates every N working days, flagged when they
/// stop"). Pure: the sweep reads the clock and the marks, these rules say what is due, the sweep writes it.
/// Each rule looks at what was already sent, so running it again changes nothing (the sweep's
/// optimistic concurrency keeps two runners from both acting on the same reading).
/// </summary>
public static class EscalationRules
{
    /// <summary>States in which a handler is expected to work the case, hence to post progress.</summary>
    public static readonly IReadOnlySet<CaseState> HandlingStates =
        new HashSet<CaseState> { CaseState.Accepted, CaseState.Assigned, CaseState.InProgress, CaseState.Transferred, CaseState.Reopened };

    /// <summary>States whose resolution deadline runs: open and not yet resolved.</summary>
    public static readonly IReadOnlySet<CaseState> DeadlineStates =
        new HashSet<CaseState>(HandlingStates) { CaseState.Submitted, CaseState.WaitingForRequester };

    public static EscalationDue Decide(EscalationReading reading, EscalationPolicy policy, EscalationMarks sent)
    {
        var resolution = reading.Resolution;
        // Past due by the calendar, not only by office time: a deadline at 17:30 is missed at 17:31,
        // though no office time is overdue until the next morning. A paused clock is never overdue.
        var overdue = !resolution.Paused && reading.Now > resolution.Due;
        var steps = overdue
            ? policy.Steps.Where(s => s.Level > sent.Level && resolution.Overdue.TotalHours >= s.AfterOverdueWorkingHours).OrderBy(s => s.Level).ToList()
            : [];

        // One reminder, before the deadline only: once it is missed, escalation speaks instead.
        var remind = sent.ReminderSentAt is null && sent.Level == 0 && !overdue && !resolution.Paused
            && resolution.Remaining.TotalHours <= policy.RemindBeforeWorkingHours;

        var progress = reading.Progress;
        var flag = !sent.ProgressOverdue && progress is { Paused: false } && reading.Now > progress.Due;

        return remind || steps.Count > 0 || flag ? new EscalationDue(remind, steps, flag) : EscalationDue.Nothing;
    }

    /// <summary>
    /// The keep-in-loop deadline: N working days after the last progress update or, before the first,
    /// after the first staff action (or submission); moved by the pauses that began after that start.
    /// Null when the type asks for no updates or the case is not being handled (nor while it waits for the requester).
    /// </summary>
    public static DeadlineStatus? ProgressDeadline(WorkingClock clock, int? everyWorkingDays, CaseState state, DateTimeOffset start, IReadOnlyList<Pause> pauses, DateTimeOffset now)
    {
        if (everyWorkingDays is not > 0 || !HandlingStates.Contains(state)) return null;
        var since = pauses.Where(p => (p.To ?? now) > start).Select(p => p with { From = p.From < start ? start : p.From }).ToList();
        return DeadlineStatus.At(clock, start, clock.AddWorkingDays(start, everyWorkingDays.Value), since, now);
    }
}
