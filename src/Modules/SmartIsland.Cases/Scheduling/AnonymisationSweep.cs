using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Scheduling;

/// <summary>
/// Removes the requester's personal data from cases finished longer than the retention period
/// (<see cref="RetentionOptions"/>; issue 3 §9): name, phone and the link to their account are
/// cleared, phone numbers, id numbers and e-mail addresses in the case's free text are struck out,
/// and the requester's own timeline steps no longer name them. What the case was about, where, and how
/// it was handled stays for the metrics. Open cases are never touched; nor is a case with anything on
/// its timeline inside the period (a late rating restarts it). One audited save per case, conditional
/// on its version like every other write.
/// </summary>
internal sealed class AnonymisationSweep(IDbContextFactory<PlatformDbContext> dbs, CurrentUser actor, TimeProvider time, IOptions<RetentionOptions> options, ILogger<AnonymisationSweep> log)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        actor.ActAsScheduler();
        var days = options.Value.AnonymiseAfterDays;
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(days);
        List<Guid> ids;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            ids = await db.Set<Case>().IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.AnonymisedAt == null
                    && ((c.State == CaseState.Closed && c.ClosedAt < cutoff) || c.State == CaseState.Rejected)
                    && !c.Events.Any(e => e.At >= cutoff))
                .Select(c => c.Id).ToListAsync(ct);
        }
        var done = 0;
        foreach (var id in ids)
        {
            try
            {
                if (await AnonymiseAsync(id, days, cutoff, now, ct)) done++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Anonymisation failed on case {CaseId}", id);
            }
        }
        return done;
    }

    private async Task<bool> AnonymiseAsync(Guid id, int days, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Set<Case>().IgnoreQueryFilters().Include(x => x.Events).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        // Read again: the case may have been reopened or rated since the list was made.
        if (c is null || c.AnonymisedAt is not null || c.State is not (CaseState.Closed or CaseState.Rejected) || c.Events.Any(e => e.At >= cutoff)) return false;
        db.UseZone(c.ZoneId);

        foreach (var e in c.Events.Where(e => e.ZoneId == c.ZoneId))
        {
            if (c.RequesterUserId is { } requester && e.ActorUserId == requester)
            {
                e.ActorUserId = null;
                e.ActorName = null;
            }
            e.Reason = PersonalDataText.Scrub(e.Reason);
        }
        c.RequesterName = null;
        c.RequesterPhone = null;
        c.RequesterUserId = null;
        c.Description = PersonalDataText.Scrub(c.Description)!;
        c.RatingComment = PersonalDataText.Scrub(c.RatingComment);
        c.AttributesJson = PersonalDataText.Scrub(c.AttributesJson)!;
        c.AnonymisedAt = now;
        var reason = $"retention: personal data anonymised {days} days after the case finished";
        db.Add(new CaseEvent { CaseId = c.Id, ZoneId = c.ZoneId, At = now, ActorName = SchedulerActor.Name, Action = "Anonymise", FromState = c.State, ToState = c.State, Reason = reason });
        db.AuditReason = reason;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogInformation("Case {CaseId} changed while it was anonymised; left to the next sweep", c.Id);
            return false;
        }
    }
}
