using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shouldly;
using SmartIsland.Cases.Scheduling;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.IntegrationTests.Support;
using static SmartIsland.IntegrationTests.Support.CaseSteps;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Quartz runs the sweeps by itself (every second here; in memory on SQLite, the clustered store on
/// PostgreSQL): once the platform clock passes a deadline, the escalation appears without a test
/// calling anything, and the following sweeps do not repeat it.
/// </summary>
public abstract class SchedulerBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory, ISchedulerHost
{
    [Fact]
    public async Task The_scheduler_escalates_an_overdue_case_by_itself_and_only_once()
    {
        factory.Clock.Set(At("2026-12-02 10:00"));
        var (_, deptUnit) = await AccountAsync(factory.Services, "dept");
        var dept = await factory.ClientForAsync("dept");
        var c = await SubmitAsync(dept, CasePriority.Emergency);
        await ActAsync(dept, c.Id, CaseAction.Accept);
        await ActAsync(dept, c.Id, CaseAction.Assign, new CaseActionRequest { AssignToUnitId = deptUnit });

        factory.Clock.Set(At("2026-12-03 17:45")); // past the deadline (Thu 17:30)
        var escalated = await Eventually.ReadAsync(factory, "dept", c.Id, v => v.EscalationLevel == 1);
        escalated.SupervisedAt.ShouldNotBeNull();

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken); // three more sweeps
        dept = await factory.ClientForAsync("dept");
        var after = await GetAsync(dept, c.Id);
        after.EscalationLevel.ShouldBe(1);
        after.Timeline.Count(e => e.Action == "Escalate").ShouldBe(1);
        (await NotificationsAsync(dept, c.Id)).Count(n => n.Kind == NotificationKind.Escalation).ShouldBe(1);
    }
}

/// <summary>Polls a case until a condition holds: Quartz fires on real time, the test cannot know the moment.</summary>
internal static class Eventually
{
    public static async Task<CaseView> ReadAsync(ISchedulerHost host, string userName, Guid caseId, Func<CaseView, bool> condition, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            // A fresh sign-in each time: tokens are judged by the platform clock, which the test moves.
            var view = await GetAsync(await host.ClientForAsync(userName), caseId);
            if (condition(view)) return view;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"After {seconds} s the case is still: level {view.EscalationLevel}, {view.Timeline.Count} timeline steps; {await SchedulerStateAsync(host)}");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>What Quartz says about the sweep, for a timeout to explain itself.</summary>
    private static async Task<string> SchedulerStateAsync(ISchedulerHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(CaseJobs.EscalationTrigger);
        return $"scheduler {scheduler.SchedulerInstanceId} {scheduler.Status}, trigger {await scheduler.GetTriggerState(CaseJobs.EscalationTrigger)}, "
            + $"next {trigger?.NextFireTimeUtc:O}, previous {trigger?.PreviousFireTimeUtc:O}, real now {DateTimeOffset.UtcNow:O}";
    }
}

public sealed class SchedulerOnSqlite(QuartzSqliteFactory factory) : SchedulerBehaviour<QuartzSqliteFactory>(factory), IClassFixture<QuartzSqliteFactory>;

public sealed class SchedulerOnPostgres(QuartzPostgresFactory factory) : SchedulerBehaviour<QuartzPostgresFactory>(factory), IClassFixture<QuartzPostgresFactory>;
