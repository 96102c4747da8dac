namespace SmartIsland.Projects.Reports;

/// <summary>The zone's day: a report counts for the day it is in China (+08:00), whatever the server's time zone.</summary>
internal static class ChinaDay
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(TimeProvider time) => time.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    public static DateTimeOffset At(DateOnly day, TimeOnly timeOfDay) => new(day.ToDateTime(timeOfDay), Offset);
}
