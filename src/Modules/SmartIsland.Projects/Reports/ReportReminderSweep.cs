using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using SmartIsland.Calendar.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Projects.Domain;
using SmartIsland.Projects.Lags;

namespace SmartIsland.Projects.Reports;

/// <summary>
/// Reminds the special team (专班) of every project whose report for today is missing once the due time has passed on a
/// report day — each member once per project and day. The unique (project, day, member) index makes that hold when
/// two sweeps run at once (a second app node): the loser's save fails, nothing of it is kept, the next sweep finds
/// nothing left to do. Runs in every zone as "scheduler".
/// </summary>
internal sealed class ReportReminderSweep(
    IDbContextFactory<PlatformDbContext> dbs, CurrentUser actor, IWorkingDayCalendarProvider calendars, TimeProvider time,
    IOptions<SupervisionOptions> options, ILogger<ReportReminderSweep> log)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        actor.Set(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "scheduler")], authenticationType: "scheduler")));
        var now = time.GetUtcNow();
        var today = ChinaDay.Today(time);
        var calendar = await calendars.GetAsync(ct);
        if (!calendar.LoadedYears.Contains(today.Year))
        {
            log.LogWarning("Report reminders skipped: the calendar of {Year} is not loaded", today.Year);
            return 0;
        }
        if (!calendar.IsWorkingDay(today) || now < ChinaDay.At(today, options.Value.ReportDueTime)) return 0;

        List<(Guid ZoneId, Guid ProjectId, Guid UserId)> owed;
        await using (var read = await dbs.CreateDbContextAsync(ct))
        {
            var reminded = read.Set<ReportReminder>().IgnoreQueryFilters();
            owed = (await MissingReportService.MissingToday(read.Set<Project>().IgnoreQueryFilters().AsNoTracking(), today)
                    .SelectMany(p => p.Members, (p, m) => new { p.ZoneId, ProjectId = p.Id, m.UserId })
                    .Where(x => !reminded.Any(r => r.ProjectId == x.ProjectId && r.UserId == x.UserId && r.Day == today))
                    .ToListAsync(ct))
                .Select(x => (x.ZoneId, x.ProjectId, x.UserId)).ToList();
        }
        var written = 0;
        foreach (var zone in owed.GroupBy(o => o.ZoneId))
        {
            try
            {
                await using var db = await dbs.CreateDbContextAsync(ct);
                db.UseZone(zone.Key);
                foreach (var (zoneId, projectId, userId) in zone)
                {
                    db.Add(new ReportReminder { ZoneId = zoneId, ProjectId = projectId, UserId = userId, Day = today, At = now });
                }
                db.AuditReason = $"daily report of {today:yyyy-MM-dd} missing at {options.Value.ReportDueTime:HH\\:mm}: team reminded";
                await db.SaveChangesAsync(ct);
                written += zone.Count();
            }
            catch (DbUpdateException e)
            {
                log.LogInformation(e, "Report reminders of zone {ZoneId} were written by another sweep first", zone.Key);
            }
        }
        return written;
    }
}

/// <summary>The reminder sweep on Quartz, every <c>Scheduler:SweepSeconds</c> like the case sweeps (cheap before the due time).</summary>
public static class ProjectJobs
{
    public static readonly JobKey ReportReminders = new("project-report-reminders", "projects");
    public static readonly TriggerKey ReportRemindersTrigger = new("project-report-reminders-trigger", "projects");

    public static IQuartzBuilder AddProjectReportReminders(this IQuartzBuilder quartz, TimeSpan every)
    {
        quartz.ScheduleJob<ReportReminderJob>(
            t => t.WithIdentity(ReportRemindersTrigger).StartNow().WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()),
            j => j.WithIdentity(ReportReminders).DisallowConcurrentExecution());
        return quartz;
    }
}

[DisallowConcurrentExecution]
internal sealed class ReportReminderJob(ReportReminderSweep sweep, ILogger<ReportReminderJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var count = await sweep.RunAsync(cancellationToken);
        if (count > 0) log.LogInformation("Report reminders: {Count} team members reminded", count);
    }
}
