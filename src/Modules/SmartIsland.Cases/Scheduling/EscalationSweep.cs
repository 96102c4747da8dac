using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartIsland.Calendar.Domain;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Scheduling;

/// <summary>What one escalation sweep wrote; <see cref="Conflicts"/> counts cases another writer changed first.</summary>
public sealed record EscalationSweepResult(int Reminded, int Escalated, int Flagged, int Conflicts, int Failed)
{
    public bool Any => Reminded + Escalated + Flagged + Conflicts + Failed > 0;
}

/// <summary>
/// Applies <see cref="EscalationRules"/> to the open cases of every zone and writes what is due —
/// the marks on the case, a timeline step and the notifications — in one audited save per case.
/// Exactly once: the save is conditional on the case's <see cref="Case.Version"/> as read, so when
/// another runner (a second app node, a staff action) wrote the case in between, this save fails,
/// nothing of it is kept, and the next sweep decides afresh from what is there (ADR 0007).
/// </summary>
internal sealed class EscalationSweep(IDbContextFactory<PlatformDbContext> dbs, CurrentUser actor, IWorkingDayCalendarProvider calendars, TimeProvider time, ILogger<EscalationSweep> log)
{
    private int reminded, escalated, flagged, conflicts, failed;

    public async Task<EscalationSweepResult> RunAsync(CancellationToken ct = default)
    {
        actor.ActAsScheduler();
        reminded = escalated = flagged = conflicts = failed = 0;
        var now = time.GetUtcNow();
        var clock = new WorkingClock(await calendars.GetAsync(ct));
        List<CaseType> types;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            types = await db.Set<CaseType>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        }
        foreach (var type in types)
        {
            var policy = CaseService.Policy(type);
            foreach (var id in await CandidatesAsync(type, policy, clock, now, ct))
            {
                try
                {
                    await SweepAsync(id, policy, clock, now, ct);
                }
                catch (CalendarYearNotLoadedException e)
                {
                    failed++;
                    log.LogWarning("Case {CaseId} skipped: {Problem}", id, e.Message);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One case that cannot be written must not hold back the others.
                    failed++;
                    log.LogError(e, "Escalation sweep failed on case {CaseId}", id);
                }
            }
        }
        return new EscalationSweepResult(reminded, escalated, flagged, conflicts, failed);
    }

    /// <summary>
    /// The type's open, unresolved cases that may have something due: those whose first due time falls
    /// before the reminder window closes (pauses only move it later) and whose ladder is not yet climbed;
    /// with keep-in-loop, every case being handled.
    /// </summary>
    private async Task<List<Guid>> CandidatesAsync(CaseType type, DeadlinePolicy policy, WorkingClock clock, DateTimeOffset now, CancellationToken ct)
    {
        var ladder = policy.Escalations;
        var top = ladder.Steps.Count == 0 ? 0 : ladder.Steps.Max(s => s.Level);
        var states = EscalationRules.DeadlineStates.ToList();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Set<Case>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ZoneId == type.ZoneId && c.CaseTypeId == type.Id && states.Contains(c.State) && c.ResolvedAt == null && c.MergedIntoCaseId == null);
        if (policy.ProgressEveryWorkingDays is not > 0)
        {
            q = q.Where(c => c.EscalationLevel < top || c.ReminderSentAt == null);
            // A minute past the window: a due time beyond it leaves more than the window, whatever lies between.
            if (Horizon(clock, now, ladder) is { } horizon) q = q.Where(c => c.ResolutionDueAt <= horizon);
        }
        return await q.Select(c => c.Id).ToListAsync(ct);
    }

    private DateTimeOffset? Horizon(WorkingClock clock, DateTimeOffset now, EscalationPolicy ladder)
    {
        try
        {
            return clock.Add(now, TimeSpan.FromHours(ladder.RemindBeforeWorkingHours) + TimeSpan.FromMinutes(1));
        }
        catch (CalendarYearNotLoadedException e)
        {
            log.LogWarning("Reminder window runs past the loaded calendar ({Problem}); every open case is read", e.Message);
            return null;
        }
    }

    private async Task SweepAsync(Guid id, DeadlinePolicy policy, WorkingClock clock, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().IgnoreQueryFilters().Include(x => x.Pauses).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !EscalationRules.DeadlineStates.Contains(c.State) || c.ResolvedAt is not null) return;
        db.UseZone(c.ZoneId);

        var pauses = c.Pauses.Where(p => p.ZoneId == c.ZoneId).Select(p => new Pause(p.From, p.To)).ToList();
        var resolution = DeadlineStatus.At(clock, c.SubmittedAt, c.ResolutionDueAt, pauses, now);
        var progress = EscalationRules.ProgressDeadline(clock, policy.ProgressEveryWorkingDays, c.State, c.LastProgressAt ?? c.FirstResponseAt ?? c.SubmittedAt, pauses, now);
        var due = EscalationRules.Decide(new EscalationReading(now, resolution, progress), policy.Escalations, new EscalationMarks(c.EscalationLevel, c.ReminderSentAt, c.ProgressOverdue));
        if (!due.Any) return;

        var reasons = new List<string>();
        void Step(string action, string text, NotificationKind kind, int level, Recipient to)
        {
            reasons.Add(text);
            db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorName = SchedulerActor.Name, Action = action, FromState = c.State, ToState = c.State, Reason = text });
            db.Add(new CaseNotification { CaseId = c.Id, ZoneId = c.ZoneId, Kind = kind, Level = level, RecipientUserId = to.UserId, RecipientUnitId = to.UnitId, RecipientRole = to.Role, Message = text, At = now });
        }

        var dueAt = Local(resolution.Due);
        if (due.Remind)
        {
            c.ReminderSentAt = now;
            Step("Remind", $"Reminder: case {c.TrackingCode} is due {dueAt}, {Hours(resolution.Remaining)} working hours left.", NotificationKind.Reminder, 0, Handler(c));
        }
        foreach (var step in due.Steps)
        {
            c.EscalationLevel = step.Level;
            c.SupervisedAt ??= now; // the 督办 mark: from the first level on
            var text = step.To == EscalationTarget.ZoneLeader
                ? $"Escalated to the zone leader (level {step.Level}): case {c.TrackingCode} is {Hours(resolution.Overdue)} working hours past its deadline {dueAt}."
                : $"督办 (level {step.Level}): the unit's supervisor presses for case {c.TrackingCode}, {Hours(resolution.Overdue)} working hours past its deadline {dueAt}.";
            Step("Escalate", text, NotificationKind.Escalation, step.Level, step.To == EscalationTarget.ZoneLeader ? new Recipient(null, null, Roles.ZoneLeader) : Unit(c));
        }
        if (due.FlagProgressOverdue)
        {
            c.ProgressOverdue = true;
            Step("ProgressOverdue", $"Keep-in-loop: no progress on case {c.TrackingCode} for {policy.ProgressEveryWorkingDays} working days (an update was due {Local(progress!.Due)}).", NotificationKind.ProgressOverdue, 0, Handler(c));
        }

        db.AuditReason = "scheduler: " + string.Join(" ", reasons);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node or a staff action wrote this case since it was read: nothing of this save
            // was kept; the next sweep reads the case as it is now and decides again.
            conflicts++;
            log.LogInformation("Case {CaseId} changed while it was swept; left to the next sweep", c.Id);
            return;
        }
        if (due.Remind) reminded++;
        escalated += due.Steps.Count;
        if (due.FlagProgressOverdue) flagged++;
        log.LogInformation("Case {CaseId}: {Actions}", c.Id, string.Join(" ", reasons));
    }

    private sealed record Recipient(Guid? UserId, Guid? UnitId, string? Role);

    /// <summary>
    /// The intake desk: a case that no rule routed to a unit waits with the zone's administrators
    /// (CaseRouter's last rule), so what concerns its handler reaches them.
    /// </summary>
    private static readonly Recipient IntakeDesk = new(null, null, Roles.Admin);

    /// <summary>Reminders and keep-in-loop go to whoever handles the case: the person, else the unit.</summary>
    private static Recipient Handler(Case c) =>
        c.AssignedUserId is { } user ? new(user, null, null) : Unit(c);

    /// <summary>督办 reaches the handling unit, pressed by its supervisor.</summary>
    private static Recipient Unit(Case c) =>
        c.AssignedUnitId is { } unit ? new(null, unit, null) : IntakeDesk;

    private static string Local(DateTimeOffset at) => at.ToOffset(WorkingClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
}
