using Microsoft.Extensions.Logging;
using Quartz;

namespace SmartIsland.Cases.Scheduling;

/// <summary>
/// The case module's Quartz jobs. The host chooses the job store (in memory on one SQLite node, the
/// clustered store on PostgreSQL); this says what runs and how often. Neither job runs twice at once,
/// and on a clustered store that holds across the nodes too.
/// </summary>
public static class CaseJobs
{
    public static readonly JobKey EscalationSweep = new("case-escalation-sweep", "cases");
    public static readonly JobKey AnonymisationSweep = new("case-anonymisation-sweep", "cases");
    public static readonly TriggerKey EscalationTrigger = new("case-escalation-sweep-trigger", "cases");
    public static readonly TriggerKey AnonymisationTrigger = new("case-anonymisation-sweep-trigger", "cases");

    public static IQuartzBuilder AddCaseSweeps(this IQuartzBuilder quartz, TimeSpan escalationEvery, TimeSpan anonymisationEvery)
    {
        quartz.ScheduleJob<EscalationSweepJob>(
            t => t.WithIdentity(EscalationTrigger).StartNow().WithSimpleSchedule(s => s.WithInterval(escalationEvery).RepeatForever()),
            j => j.WithIdentity(EscalationSweep).DisallowConcurrentExecution());
        quartz.ScheduleJob<AnonymisationSweepJob>(
            t => t.WithIdentity(AnonymisationTrigger).StartNow().WithSimpleSchedule(s => s.WithInterval(anonymisationEvery).RepeatForever()),
            j => j.WithIdentity(AnonymisationSweep).DisallowConcurrentExecution());
        return quartz;
    }
}

[DisallowConcurrentExecution]
internal sealed class EscalationSweepJob(EscalationSweep sweep, ILogger<EscalationSweepJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var result = await sweep.RunAsync(cancellationToken);
        if (result.Any) log.LogInformation("Escalation sweep: {Result}", result);
    }
}

[DisallowConcurrentExecution]
internal sealed class AnonymisationSweepJob(AnonymisationSweep sweep, ILogger<AnonymisationSweepJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var count = await sweep.RunAsync(cancellationToken);
        if (count > 0) log.LogInformation("Anonymisation sweep: {Count} cases anonymised", count);
    }
}
