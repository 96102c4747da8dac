using SmartIsland.Calendar.Data;
using SmartIsland.Calendar.Domain;

namespace SmartIsland.UnitTests;

/// <summary>The calendar built from the notices the platform ships (the same data the database is seeded with).</summary>
internal static class ShippedCalendar
{
    public static WorkingDayCalendar Load()
    {
        var (_, years) = HolidayNotices.Load();
        return new WorkingDayCalendar(years.Keys, years.Values.SelectMany(d => d).Select(d => KeyValuePair.Create(d.Date, d.Kind)));
    }
}
