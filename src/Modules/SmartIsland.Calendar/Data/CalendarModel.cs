using Microsoft.EntityFrameworkCore;
using SmartIsland.Calendar.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Calendar.Data;

/// <summary>A year whose State Council notice is loaded. National, so not zone-owned.</summary>
public sealed class CalendarYear : IVersioned
{
    public int Year { get; set; }
    public string Source { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>A day that differs from the plain Monday–Friday rule: a holiday or a 调休 workday.</summary>
public sealed class CalendarDay : IVersioned
{
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";
    public int Version { get; set; }
}

internal sealed class CalendarModel : IModuleModel
{
    public void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<CalendarYear>(y =>
        {
            y.ToTable("calendar_years");
            y.HasKey(x => x.Year);
            y.Property(x => x.Year).ValueGeneratedNever();
            y.Property(x => x.Source).HasMaxLength(500);
        });
        modelBuilder.Entity<CalendarDay>(d =>
        {
            d.ToTable("calendar_days");
            d.HasKey(x => x.Date);
            d.Property(x => x.Name).HasMaxLength(50);
            d.HasOne<CalendarYear>().WithMany().HasForeignKey(x => x.Year).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
