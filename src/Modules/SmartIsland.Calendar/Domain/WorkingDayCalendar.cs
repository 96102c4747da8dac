namespace SmartIsland.Calendar.Domain;

public enum CalendarDayKind
{
    /// <summary>法定节假日 and the days the State Council notice adds to it (调休 rest days).</summary>
    PublicHoliday = 1,

    /// <summary>调休上班: a Saturday or Sunday that is a working day.</summary>
    AdjustedWorkday = 2,
}

/// <summary>A date outside the years whose notice is loaded: refused, never guessed (rules-reference §6).</summary>
public sealed class CalendarYearNotLoadedException(int year, IReadOnlyCollection<int> loaded)
    : Exception($"The working-day calendar for {year} is not loaded (loaded: {string.Join(", ", loaded.Order())}).")
{
    public int Year { get; } = year;
}

/// <summary>
/// China's working-day calendar as the 国务院办公厅 notices publish it each year.
/// A working day is Monday–Friday that is not a public holiday, plus any 调休 Saturday or Sunday
/// (rules-reference §6). Deadlines count from the day after acceptance (民法典 §201; 行政许可法 §82).
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<int> loadedYears;
    private readonly Dictionary<DateOnly, CalendarDayKind> exceptions;

    public WorkingDayCalendar(IEnumerable<int> loadedYears, IEnumerable<KeyValuePair<DateOnly, CalendarDayKind>> days)
    {
        this.loadedYears = [.. loadedYears];
        exceptions = days.ToDictionary(d => d.Key, d => d.Value);
        foreach (var day in exceptions.Keys)
        {
            if (!this.loadedYears.Contains(day.Year))
                throw new ArgumentException($"{day:yyyy-MM-dd} belongs to a year that is not marked as loaded.", nameof(days));
        }
    }

    public IReadOnlyCollection<int> LoadedYears => loadedYears;

    public bool IsWorkingDay(DateOnly date)
    {
        EnsureLoaded(date);
        if (exceptions.TryGetValue(date, out var kind)) return kind == CalendarDayKind.AdjustedWorkday;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The date on which a period of <paramref name="days"/> working days started on
    /// <paramref name="from"/> ends: the day of <paramref name="from"/> itself does not count.
    /// Zero days is the same day (即办件).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        EnsureLoaded(from);
        var date = from;
        var left = days;
        while (left > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) left--;
        }
        return date;
    }

    /// <summary>
    /// Working days in the half-open span (from, to]: the days a deadline clock has run by
    /// <paramref name="to"/> if it started on <paramref name="from"/>. Negative when to is before from.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        EnsureLoaded(from);
        EnsureLoaded(to);
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) count++;
        }
        return count;
    }

    public int WorkingDaysInYear(int year) =>
        WorkingDaysBetween(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)) + (IsWorkingDay(new DateOnly(year, 1, 1)) ? 1 : 0);

    private void EnsureLoaded(DateOnly date)
    {
        if (!loadedYears.Contains(date.Year)) throw new CalendarYearNotLoadedException(date.Year, loadedYears);
    }
}
