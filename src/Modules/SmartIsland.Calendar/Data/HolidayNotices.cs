using System.Text.Json;
using SmartIsland.Calendar.Domain;

namespace SmartIsland.Calendar.Data;

/// <summary>The shipped notices (2025, 2026): loaded into the database on first start; Admin adds later years.</summary>
internal static class HolidayNotices
{
    private sealed record Holiday(string Name, DateOnly From, DateOnly To);
    private sealed record Workday(string Name, DateOnly Date);
    private sealed record YearNotice(List<Holiday> Holidays, List<Workday> Workdays);
    private sealed record Notices(string Source, Dictionary<string, YearNotice> Years);

    public static (string Source, IReadOnlyDictionary<int, List<CalendarDay>> Years) Load()
    {
        using var stream = typeof(HolidayNotices).Assembly.GetManifestResourceStream("SmartIsland.Calendar.china-holidays.json")
            ?? throw new InvalidOperationException("china-holidays.json is not embedded.");
        var notices = JsonSerializer.Deserialize<Notices>(stream, JsonSerializerOptions.Web)!;
        var years = new Dictionary<int, List<CalendarDay>>();
        foreach (var (yearText, notice) in notices.Years)
        {
            var year = int.Parse(yearText, System.Globalization.CultureInfo.InvariantCulture);
            var days = new List<CalendarDay>();
            foreach (var h in notice.Holidays)
            {
                for (var d = h.From; d <= h.To; d = d.AddDays(1))
                    days.Add(new CalendarDay { Date = d, Year = year, Kind = CalendarDayKind.PublicHoliday, Name = h.Name });
            }
            days.AddRange(notice.Workdays.Select(w => new CalendarDay { Date = w.Date, Year = year, Kind = CalendarDayKind.AdjustedWorkday, Name = w.Name }));
            years[year] = days;
        }
        return (notices.Source, years);
    }
}
