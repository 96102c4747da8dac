using Microsoft.EntityFrameworkCore;
using SmartIsland.Platform.Data;

namespace SmartIsland.Calendar.Data;

internal sealed class CalendarSeeder : IModuleSeeder
{
    public int Order => 10;

    public async Task SeedAsync(PlatformDbContext db, SeedOptions options, CancellationToken cancellationToken)
    {
        var (source, years) = HolidayNotices.Load();
        var present = await db.Set<CalendarYear>().Select(y => y.Year).ToListAsync(cancellationToken);
        foreach (var (year, days) in years.Where(y => !present.Contains(y.Key)))
        {
            db.Add(new CalendarYear { Year = year, Source = source });
            db.AddRange(days);
        }
        db.AuditReason = "calendar seed from the State Council notices";
        await db.SaveChangesAsync(cancellationToken);
    }
}
