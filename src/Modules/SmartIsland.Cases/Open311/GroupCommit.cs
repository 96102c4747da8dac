using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Open311;

/// <summary>
/// Group commit, as databases do for their log: intakes that arrive while the previous transaction is
/// being written are written together in the next one — one audit-chain seal, one commit, one wait for
/// the disk — instead of one commit each. Durability is unchanged: every caller waits until the
/// transaction holding its rows has committed, so a 2xx still means "on disk".
/// A batch that fails (a racing retry's duplicate Idempotency-Key) is written again one intake at a
/// time, so one bad row never fails the others and each caller gets its own outcome.
/// The writer has a thread of its own and saves synchronously: as a thread-pool work item, each await of
/// its save waited behind the queue of requests it was serving, and a batch took ten times longer
/// (docs/benchmarks.md, Open311 intake).
/// </summary>
internal sealed class GroupCommit(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Upper bound of one transaction; a queue longer than this is written in several.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock startLock = new();
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? writer;

    private sealed record Pending(IReadOnlyList<object> Rows, Guid ZoneId, string? Reason, ClaimsPrincipal Actor, TaskCompletionSource Done);

    /// <summary>
    /// Takes the new rows <paramref name="db"/> tracks (and nothing else may be pending there), hands them to
    /// the writer, and completes when they are committed; faults with the database's exception otherwise.
    /// </summary>
    public Task SaveAsync(PlatformDbContext db, ClaimsPrincipal actor)
    {
        // Rows were added with db.Add, so their state is known: no need to scan them for changes here.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Group commit writes new rows only.");
        var zone = db.CurrentZoneId ?? throw new InvalidOperationException("Group commit needs the zone the rows belong to.");
        var pending = new Pending(entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList(), zone, db.AuditReason, actor,
            new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        db.ChangeTracker.Clear(); // the writer's context owns them now
        EnsureWriter();
        if (!queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The intake writer has stopped.");
        return pending.Done.Task;
    }

    private void EnsureWriter()
    {
        if (writer is not null) return;
        lock (startLock)
        {
            if (writer is not null) return;
            // UnsafeStart: not the first caller's request context (its HttpContext, its user): the writer is nobody's request.
            writer = new Thread(WriteLoop) { IsBackground = true, Name = "Open311 group commit" };
            writer.UnsafeStart();
        }
    }

    private void WriteLoop()
    {
        try
        {
            var batch = new List<Pending>(MaxBatch);
            while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
                // One transaction per zone, actor and reason: the audit entries must name who and why correctly.
                foreach (var group in batch.GroupBy(p => (p.ZoneId, p.Actor.Identity?.Name, p.Reason)))
                {
                    Write(group.ToList());
                }
            }
        }
        finally
        {
            stopped.TrySetResult();
        }
    }

    private void Write(List<Pending> items)
    {
        try
        {
            SaveTogether(items);
            foreach (var item in items) item.Done.TrySetResult();
            return;
        }
        catch (Exception) when (items.Count > 1)
        {
            // Fall through: the whole transaction rolled back; write each intake on its own below.
        }
        catch (Exception e)
        {
            items[0].Done.TrySetException(e);
            return;
        }
        foreach (var item in items)
        {
            try
            {
                SaveTogether([item]);
                item.Done.TrySetResult();
            }
            catch (Exception e)
            {
                item.Done.TrySetException(e);
            }
        }
    }

    private void SaveTogether(List<Pending> items)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(items[0].Actor);
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContext();
        db.UseZone(items[0].ZoneId);
        foreach (var row in items.SelectMany(i => i.Rows)) db.Add(row);
        db.AuditReason = items[0].Reason;
        db.SaveChanges(); // the same audited save, without leaving this thread
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writer is not null) await stopped.Task; // what was queued is still written before the app stops
    }
}
