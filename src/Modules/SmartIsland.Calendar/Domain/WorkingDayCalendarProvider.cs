using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Calendar.Data;
using SmartIsland.Platform.Data;

namespace SmartIsland.Calendar.Domain;

/// <summary>The calendar module's public contract: today's calendar, read once and kept until Admin edits it.</summary>
public interface IWorkingDayCalendarProvider
{
    ValueTask<WorkingDayCalendar> GetAsync(CancellationToken cancellationToken = default);
    void Invalidate();
}

internal sealed class WorkingDayCalendarProvider(IServiceScopeFactory scopes) : IWorkingDayCalendarProvider
{
    private volatile WorkingDayCalendar? cached;
    private int generation;

    public async ValueTask<WorkingDayCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cached is { } c) return c;
        var startedAt = Volatile.Read(ref generation);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync(cancellationToken);
        var years = await db.Set<CalendarYear>().AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        var days = await db.Set<CalendarDay>().AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(cancellationToken);
        var calendar = new WorkingDayCalendar(years, days.Select(d => KeyValuePair.Create(d.Date, d.Kind)));
        // A load that began before an edit must not put the old calendar back in the cache.
        if (Volatile.Read(ref generation) == startedAt) cached = calendar;
        return calendar;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        cached = null;
    }
}
