using SmartIsland.Calendar.Domain;

namespace SmartIsland.Cases.Domain;

/// <summary>The office hours of a working day, e.g. 08:30–12:00 and 14:30–18:00 (set per zone).</summary>
public sealed record WorkingHours(IReadOnlyList<(TimeOnly Start, TimeOnly End)> Periods)
{
    /// <summary>Common office hours of the zone's administration: 08:30–12:00, 14:00–17:30 (7 hours).</summary>
    public static WorkingHours Default { get; } = new([(new TimeOnly(8, 30), new TimeOnly(12, 0)), (new TimeOnly(14, 0), new TimeOnly(17, 30))]);

    public TimeSpan PerDay => Periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.End - p.Start));
}

/// <summary>
/// Working-time arithmetic on the working-day calendar: how much office time lies between two
/// instants, and which instant comes a given amount of office time after another. Deadlines in working
/// hours and days, their pauses and their overdue time are all measured with it. Times are in the
/// zone's offset (+08:00 for China). A date past the loaded calendar years is refused, never guessed.
/// </summary>
public sealed class WorkingClock(WorkingDayCalendar calendar, WorkingHours hours, TimeSpan zoneOffset)
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public WorkingClock(WorkingDayCalendar calendar) : this(calendar, WorkingHours.Default, ChinaOffset) { }

    public WorkingHours Hours => hours;

    private DateTimeOffset Local(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), zoneOffset);

    /// <summary>Office time in [from, to); zero when to is not after from.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var a = from.ToOffset(zoneOffset);
        var b = to.ToOffset(zoneOffset);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(a.DateTime); day <= DateOnly.FromDateTime(b.DateTime); day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            foreach (var (start, end) in hours.Periods)
            {
                var s = Max(a, Local(day, start));
                var e = Min(b, Local(day, end));
                if (e > s) total += e - s;
            }
        }
        return total;
    }

    /// <summary>The instant at which <paramref name="amount"/> of office time has passed since <paramref name="from"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var at = from.ToOffset(zoneOffset);
        var left = amount;
        for (var day = DateOnly.FromDateTime(at.DateTime); ; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            foreach (var (start, end) in hours.Periods)
            {
                var s = Max(at, Local(day, start));
                var e = Local(day, end);
                if (e <= s) continue;
                if (e - s >= left) return s + left;
                left -= e - s;
            }
        }
    }

    /// <summary>The end of office hours on a day: where a deadline "within N working days" falls.</summary>
    public DateTimeOffset EndOfDay(DateOnly day) => Local(day, hours.Periods[^1].End);

    /// <summary>
    /// N working days after the day of <paramref name="from"/> (which does not count): the end of
    /// office hours on that day (行政许可法 §82; 民法典 §201).
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days) =>
        EndOfDay(calendar.AddWorkingDays(DateOnly.FromDateTime(from.ToOffset(zoneOffset).DateTime), days));

    private static DateTimeOffset Max(DateTimeOffset x, DateTimeOffset y) => x > y ? x : y;
    private static DateTimeOffset Min(DateTimeOffset x, DateTimeOffset y) => x < y ? x : y;
}
