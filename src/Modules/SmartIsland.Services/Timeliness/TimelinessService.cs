using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using SmartIsland.Calendar.Domain;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Services.Applications;
using SmartIsland.Services.Catalogue;
using SmartIsland.Services.Resources;

namespace SmartIsland.Services.Timeliness;

/// <summary>What the figures need of one completed application (no applicant data at all).</summary>
public sealed record CompletedApplication(
    Guid? DepartmentId, string DepartmentName, DateTimeOffset SubmittedAt, DateTimeOffset CompletedAt, int? WorkingDaysTaken,
    bool? OnTime, bool AutoApproved, int PromisedLimitDays, int StatutoryLimitDays, ApplicationChannel Channel, bool CrossDepartment);

/// <summary>The figures of <see cref="DepartmentTimeliness"/> from completed applications (definitions there).</summary>
public static class TimelinessCalculator
{
    public static readonly TimeSpan ZoneOffset = TimeSpan.FromHours(8);

    public static DepartmentTimeliness Summarise(Guid? departmentId, string name, IReadOnlyCollection<CompletedApplication> apps)
    {
        static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        var immediate = apps.Count(a => (a.PromisedLimitDays == 0 || a.AutoApproved) && a.WorkingDaysTaken == 0);
        var sameDay = apps.Count(a => DateOnly.FromDateTime(a.CompletedAt.ToOffset(ZoneOffset).DateTime) == DateOnly.FromDateTime(a.SubmittedAt.ToOffset(ZoneOffset).DateTime));
        var measured = apps.Where(a => a.OnTime is not null).ToList();
        var onTime = measured.Count(a => a.OnTime == true);
        var speed = apps.Where(a => a.StatutoryLimitDays > 0 && a.WorkingDaysTaken is not null)
            .Select(a => 1 - (double)a.WorkingDaysTaken!.Value / a.StatutoryLimitDays).ToList();
        return new DepartmentTimeliness(departmentId, name,
            apps.Count, immediate, Rate(immediate, apps.Count), sameDay, Rate(sameDay, apps.Count),
            onTime, measured.Count, Rate(onTime, measured.Count),
            speed.Count == 0 ? null : Math.Round(speed.Average(), 4), speed.Count,
            apps.Count(a => a.Channel == ApplicationChannel.Online), apps.Count(a => a.CrossDepartment));
    }
}

/// <summary>
/// Timeliness figures per department and period (issue 5 §7) over the applications completed in it; a public
/// version for the public zone without any personal data, and the staff view with late applications to drill into.
/// </summary>
public sealed class TimelinessService(
    IDbContextFactory<PlatformDbContext> dbs, ICurrentUser user, IOrganisationDirectory organisation, IWorkingDayCalendarProvider calendars,
    TimeProvider time, IConfiguration config, IStringLocalizer<TimelinessStrings> l)
{
    /// <summary>Who reads late applications and exports: administrators, zone leaders and departments.</summary>
    public static readonly string[] StaffReaders = [Roles.Admin, Roles.ZoneLeader, Roles.DepartmentStaff];

    public bool MayReadStaff => user.IsInAnyRole(StaffReaders) && user.ZoneId is not null;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimelinessCalculator.ZoneOffset).DateTime);

    /// <summary>The public figures (no login): the zone of PublicZone:DivisionCode (default 410471).</summary>
    public async Task<TimelinessReport> PublicReportAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var period = Validate(from, to);
        var zone = await organisation.ZoneByDivisionAsync(config["PublicZone:DivisionCode"] ?? "410471", ct)
            ?? throw new NotFoundException(l["Err_NoPublicZone"]);
        return await ReportAsync(zone.Id, zone.Name, period, ct);
    }

    /// <summary>The signed-in staff member's zone.</summary>
    public async Task<TimelinessReport> StaffReportAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var zoneId = DemandStaff();
        var period = Validate(from, to);
        var zone = await organisation.CurrentZoneAsync(ct);
        return await ReportAsync(zoneId, zone?.Name ?? "", period, ct);
    }

    public TimelinessPeriod Validate(DateOnly? from, DateOnly? to)
    {
        var today = Today;
        var f = from ?? new DateOnly(today.Year, today.Month, 1);
        var t = to ?? (from is null ? today : f.AddMonths(1).AddDays(-1));
        var errors = new ValidationErrors();
        if (t < f) errors.Add("to", l["Err_PeriodReversed"]);
        else if (t.DayNumber - f.DayNumber >= TimelinessPeriod.MaxDays) errors.Add("to", l["Err_PeriodTooLong", TimelinessPeriod.MaxDays]);
        errors.ThrowIfAny();
        return new TimelinessPeriod(f, t);
    }

    private async Task<TimelinessReport> ReportAsync(Guid zoneId, string zoneName, TimelinessPeriod period, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.UseZone(zoneId);
        var apps = await CompletedAsync(db, period, ct);
        var calendar = await calendars.GetAsync(ct);
        var bundles = apps.Where(a => a.BundleApplicationId is not null).Select(a => a.BundleApplicationId!.Value).Distinct().ToList();
        var spanning = new HashSet<Guid>();
        foreach (var chunk in bundles.Chunk(500))
        {
            var departments = await db.Set<Application>().AsNoTracking()
                .Where(a => a.BundleApplicationId != null && chunk.Contains(a.BundleApplicationId.Value))
                .Select(a => new { Bundle = a.BundleApplicationId!.Value, Department = a.DepartmentId, a.DepartmentName }).ToListAsync(ct);
            foreach (var g in departments.GroupBy(d => d.Bundle))
                if (g.Select(d => d.Department?.ToString() ?? d.DepartmentName).Distinct().Count() >= 2) spanning.Add(g.Key);
        }
        var itemIds = apps.Select(a => a.ItemId).Distinct().ToList();
        var items = new Dictionary<Guid, (int Promised, int Statutory)>();
        foreach (var chunk in itemIds.Chunk(500))
        {
            foreach (var i in await db.Set<ServiceItem>().AsNoTracking().Where(i => chunk.Contains(i.Id))
                         .Select(i => new { i.Id, i.PromisedLimitDays, i.StatutoryLimitDays }).ToListAsync(ct))
                items[i.Id] = (i.PromisedLimitDays, i.StatutoryLimitDays);
        }
        var rows = apps.Select(a =>
        {
            var item = items.GetValueOrDefault(a.ItemId);
            return (a.DepartmentId, a.DepartmentName, Row: new CompletedApplication(a.DepartmentId, a.DepartmentName, a.SubmittedAt, a.CompletedAt!.Value,
                a.WorkingDaysTaken ?? DaysTaken(calendar, a.AcceptedAt ?? a.SubmittedAt, a.CompletedAt!.Value), a.OnTime, a.AutoApproved,
                item.Promised, item.Statutory, a.Channel, a.BundleApplicationId is { } b && spanning.Contains(b)));
        }).ToList();
        var departmentsFigures = rows.GroupBy(r => r.DepartmentId?.ToString() ?? r.DepartmentName)
            .Select(g => TimelinessCalculator.Summarise(g.First().DepartmentId, g.OrderByDescending(r => r.Row.CompletedAt).First().DepartmentName, g.Select(r => r.Row).ToList()));
        return new TimelinessReport(period.From, period.To, zoneName,
            TimelinessCalculator.Summarise(null, zoneName, rows.Select(r => r.Row).ToList()), TimelinessRanking.Rank(departmentsFigures), time.GetUtcNow());
    }

    /// <summary>Working days from the day after acceptance to completion, when the workflow did not store them.</summary>
    private static int? DaysTaken(WorkingDayCalendar calendar, DateTimeOffset accepted, DateTimeOffset completed)
    {
        try
        {
            return Math.Max(0, calendar.WorkingDaysBetween(Day(accepted), Day(completed)));
        }
        catch (CalendarYearNotLoadedException)
        {
            return null; // never guessed: that application has no speed-up or immediate figure
        }
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimelinessCalculator.ZoneOffset).DateTime);

    /// <summary>
    /// Completed applications whose completion falls in the period (+08:00). On SQLite a DateTimeOffset sorts as text in
    /// its own offset, so the database is asked for a day more on each side and the exact instant is checked here.
    /// </summary>
    private static async Task<List<Application>> CompletedAsync(PlatformDbContext db, TimelinessPeriod period, CancellationToken ct)
    {
        var start = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimelinessCalculator.ZoneOffset);
        var end = new DateTimeOffset(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimelinessCalculator.ZoneOffset);
        var (wideStart, wideEnd) = (start.AddDays(-1), end.AddDays(1));
        var found = await db.Set<Application>().AsNoTracking()
            .Where(a => a.Stage == ApplicationStage.Completed && a.CompletedAt != null && a.CompletedAt >= wideStart && a.CompletedAt < wideEnd)
            .ToListAsync(ct);
        return found.Where(a => a.CompletedAt >= start && a.CompletedAt < end).ToList();
    }

    /// <summary>A department's applications completed late in the period (OnTime false), latest first.</summary>
    public async Task<IReadOnlyList<LateApplication>> LateAsync(string department, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        DemandStaff();
        var period = Validate(from, to);
        if (string.IsNullOrWhiteSpace(department)) throw new ValidationFailedException("department", l["Err_DepartmentRequired"]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var late = (await CompletedAsync(db, period, ct))
            .Where(a => a.OnTime == false && (a.DepartmentId?.ToString() ?? a.DepartmentName) == department.Trim())
            .OrderByDescending(a => a.CompletedAt).ToList();
        var ids = late.Select(a => a.ItemId).Distinct().ToList();
        var items = await db.Set<ServiceItem>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => (i.PromisedLimitDays, i.StatutoryLimitDays), ct);
        var calendar = await calendars.GetAsync(ct);
        return late.Select(a =>
        {
            var full = SeesApplicant(a.DepartmentId);
            var person = a.ApplicantKind == ApplicantKind.Person;
            var item = items.GetValueOrDefault(a.ItemId);
            return new LateApplication(a.Id, a.Number, a.ItemCode, a.ItemName,
                full || !person ? a.ApplicantName : Masking.PersonName(a.ApplicantName), full ? a.ApplicantKey : Masking.IdCard(a.ApplicantKey), !full,
                a.SubmittedAt.ToOffset(TimelinessCalculator.ZoneOffset), a.AcceptedAt?.ToOffset(TimelinessCalculator.ZoneOffset), a.CompletedAt!.Value.ToOffset(TimelinessCalculator.ZoneOffset),
                a.WorkingDaysTaken ?? DaysTaken(calendar, a.AcceptedAt ?? a.SubmittedAt, a.CompletedAt.Value), item.PromisedLimitDays, item.StatutoryLimitDays);
        }).ToList();
    }

    /// <summary>An applicant's key and a person's name are for Admin and the department that handled the application.</summary>
    private bool SeesApplicant(Guid? departmentId) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.DepartmentStaff) && departmentId is not null && departmentId == user.UnitId);

    private Guid DemandStaff()
    {
        if (!user.IsInAnyRole(StaffReaders)) throw new ForbiddenException("timeliness.staff: administrators, zone leaders and departments read late applications and export", l["Err_Forbidden"]);
        return user.ZoneId ?? throw new ForbiddenException("timeliness.zone: figures belong to a zone", l["Err_Forbidden"]);
    }
}
