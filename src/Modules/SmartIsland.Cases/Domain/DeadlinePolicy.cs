namespace SmartIsland.Cases.Domain;

public enum CasePriority
{
    Normal,
    Urgent,
    Emergency,
}

public enum DeadlineUnit
{
    WorkingDays,
    WorkingHours,
}

/// <summary>A target such as "3 working days" or "4 working hours".</summary>
public sealed record DeadlineTarget(int Amount, DeadlineUnit Unit)
{
    public DateTimeOffset DueFrom(WorkingClock clock, DateTimeOffset start) => Unit switch
    {
        DeadlineUnit.WorkingDays => clock.AddWorkingDays(start, Amount),
        _ => clock.Add(start, TimeSpan.FromHours(Amount)),
    };
}

/// <summary>
/// A case type's deadlines, as the best ticket systems keep them: a response target (first staff action)
/// and a resolution target per priority; the states in which the clock stops (waiting for the requester);
/// and, optionally, how often a handler must post progress (keep-in-loop).
/// </summary>
public sealed record DeadlinePolicy(
    IReadOnlyDictionary<CasePriority, (DeadlineTarget Response, DeadlineTarget Resolution)> Targets,
    IReadOnlyList<CaseState> PausedIn,
    int? ProgressEveryWorkingDays = null,
    EscalationPolicy? Escalation = null)
{
    /// <summary>Reminders and escalation levels; the default ladder when the type names none.</summary>
    public EscalationPolicy Escalations => Escalation ?? EscalationPolicy.Default;

    /// <summary>Requests (诉求): respond within 1 working day (urgent 4 h, emergency 1 h), resolve within 5 (2, 1).</summary>
    public static DeadlinePolicy RequestDefault { get; } = new(
        new Dictionary<CasePriority, (DeadlineTarget, DeadlineTarget)>
        {
            [CasePriority.Normal] = (new(1, DeadlineUnit.WorkingDays), new(5, DeadlineUnit.WorkingDays)),
            [CasePriority.Urgent] = (new(4, DeadlineUnit.WorkingHours), new(2, DeadlineUnit.WorkingDays)),
            [CasePriority.Emergency] = (new(1, DeadlineUnit.WorkingHours), new(1, DeadlineUnit.WorkingDays)),
        },
        [CaseState.WaitingForRequester]);

    public bool IsPaused(CaseState state) => PausedIn.Contains(state);
}

/// <summary>A stretch of time in which the clock stood still; <see cref="To"/> is null while it still does.</summary>
public sealed record Pause(DateTimeOffset From, DateTimeOffset? To);

/// <summary>Where a deadline stands now: due when (moved by pauses), whether it is running, and what is left or overdue.</summary>
public sealed record DeadlineStatus(DateTimeOffset Due, bool Paused, TimeSpan PausedFor, TimeSpan Remaining, TimeSpan Overdue)
{
    public bool IsOverdue => Overdue > TimeSpan.Zero;

    /// <summary>
    /// The clock's reading for a deadline started at <paramref name="start"/> with its first due time
    /// <paramref name="baseDue"/>: every pause moves the due time by the office time it lasted.
    /// </summary>
    public static DeadlineStatus At(WorkingClock clock, DateTimeOffset start, DateTimeOffset baseDue, IReadOnlyList<Pause> pauses, DateTimeOffset now)
    {
        var pausedFor = pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + clock.Between(p.From, p.To ?? now));
        var due = clock.Add(start, clock.Between(start, baseDue) + pausedFor);
        var paused = pauses.Any(p => p.To is null);
        return new DeadlineStatus(due, paused, pausedFor, clock.Between(now, due), paused ? TimeSpan.Zero : clock.Between(due, now));
    }
}

/// <summary>Who an escalation reaches: the supervisor of the unit handling the case, or the zone leader.</summary>
public enum EscalationTarget
{
    UnitSupervisor,
    ZoneLeader,
}

/// <summary>One rung of the ladder: so many working hours after the resolution deadline, escalate to the target.</summary>
public sealed record EscalationStep(int Level, double AfterOverdueWorkingHours, EscalationTarget To);

/// <summary>
/// A type's reminders and escalations (督办): remind the handler so many working hours before the
/// deadline; once overdue, escalate level by level. Level 1 marks the case as supervised (督办).
/// </summary>
public sealed record EscalationPolicy(double RemindBeforeWorkingHours, IReadOnlyList<EscalationStep> Steps)
{
    /// <summary>Remind 4 working hours before; at the deadline to the unit's supervisor (督办); a working day later to the zone leader.</summary>
    public static EscalationPolicy Default { get; } = new(4, [new(1, 0, EscalationTarget.UnitSupervisor), new(2, 7, EscalationTarget.ZoneLeader)]);
}
