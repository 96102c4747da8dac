using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Calendar.Data;
using SmartIsland.Calendar.Resources;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Calendar.Domain;

public sealed record CalendarYearView(int Year, string Source, int WorkingDays, IReadOnlyList<CalendarDayView> Days);
public sealed record CalendarDayView(DateOnly Date, CalendarDayKind Kind, string Name, int Version);

/// <summary>
/// Keeping the calendar: Admin adds a year when the State Council publishes its notice, and adds,
/// corrects or removes its days. Every change is audited and takes effect at once.
/// </summary>
public sealed class CalendarAdministration(
    IDbContextFactory<PlatformDbContext> dbs,
    IWorkingDayCalendarProvider provider,
    ICurrentUser user,
    IStringLocalizer<CalendarStrings> l)
{
    public const string Rule = "calendar.edit: only administrators keep the working-day calendar";

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<CalendarYear>().OrderBy(y => y.Year).Select(y => y.Year).ToListAsync(ct);
    }

    public async Task<CalendarYearView> YearAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var y = await db.Set<CalendarYear>().AsNoTracking().FirstOrDefaultAsync(x => x.Year == year, ct)
            ?? throw new NotFoundException(l["YearNotLoaded", year]);
        var days = await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date)
            .Select(d => new CalendarDayView(d.Date, d.Kind, d.Name, d.Version)).ToListAsync(ct);
        var calendar = await provider.GetAsync(ct);
        return new CalendarYearView(y.Year, y.Source, calendar.WorkingDaysInYear(year), days);
    }

    public async Task AddYearAsync(int year, string? source, CancellationToken ct = default)
    {
        Demand();
        var errors = new ValidationErrors();
        if (year is < 2000 or > 2100) errors.Add("year", l["YearInvalid"]);
        if (string.IsNullOrWhiteSpace(source) || source.Trim().Length > 500) errors.Add("source", l["SourceRequired"]);
        errors.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Set<CalendarYear>().AnyAsync(y => y.Year == year, ct)) throw new ConflictException("year", l["YearExists"]);
        db.Add(new CalendarYear { Year = year, Source = source!.Trim() });
        db.AuditReason = source.Trim();
        await db.SaveChangesAsync(ct);
        provider.Invalidate();
    }

    /// <summary>Adds a day, or changes its kind and name; <paramref name="version"/> is the version the editor saw (null for a new day).</summary>
    public async Task SaveDayAsync(DateOnly date, CalendarDayKind kind, string? name, int? version, CancellationToken ct = default)
    {
        Demand();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50) errors.Add("name", l["NameRequired"]);
        if (!Enum.IsDefined(kind)) errors.Add("kind", l["Kind"]);
        errors.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Set<CalendarYear>().AnyAsync(y => y.Year == date.Year, ct)) throw new ValidationFailedException("date", l["YearNotLoaded", date.Year]);
        var day = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Date == date, ct);
        if (day is null)
        {
            if (version is not null) throw new ConflictException("version", l["ConcurrencyConflict"]);
            db.Add(new CalendarDay { Date = date, Year = date.Year, Kind = kind, Name = name!.Trim() });
        }
        else
        {
            if (version is null) throw new ConflictException("date", l["DayExists"]);
            db.Entry(day).Property(d => d.Version).OriginalValue = version.Value;
            day.Kind = kind;
            day.Name = name!.Trim();
        }
        await SaveAsync(db, ct);
    }

    public async Task DeleteDayAsync(DateOnly date, int version, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var day = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Date == date, ct) ?? throw new NotFoundException(l["Deleted"]);
        db.Entry(day).Property(d => d.Version).OriginalValue = version;
        db.Remove(day);
        await SaveAsync(db, ct);
    }

    private async Task SaveAsync(PlatformDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", l["ConcurrencyConflict"]);
        }
        provider.Invalidate();
    }

    private void Demand()
    {
        if (!user.IsInRole(Roles.Admin)) throw new ForbiddenException(Rule, l["Forbidden"]);
    }
}
