using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SmartIsland.Cases.Scheduling;
using Shouldly;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Platform.Data;
using static SmartIsland.IntegrationTests.Support.CaseSteps;

namespace SmartIsland.IntegrationTests;

/// <summary>Two app instances on one PostgreSQL database, each with the clustered Quartz store firing the sweeps every second.</summary>
public sealed class TwoQuartzNodes : IAsyncLifetime
{
    private readonly string database = "si_test_" + Guid.NewGuid().ToString("N")[..12];

    public QuartzPostgresNode A { get; private set; } = null!;
    public QuartzPostgresNode B { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        A = new QuartzPostgresNode(database);
        _ = A.Server; // the first node migrates, seeds and creates Quartz's tables; the second finds them
        B = new QuartzPostgresNode(database);
        _ = B.Server;
        return ValueTask.CompletedTask;
    }

    /// <summary>Both nodes read the same platform time, as nodes with synchronised clocks do.</summary>
    public void ClockTo(string local)
    {
        A.Clock.Set(At(local));
        B.Clock.Set(At(local));
    }

    public async ValueTask DisposeAsync()
    {
        // Either may be missing when the start failed (no PostgreSQL): report that, not a second error.
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
    }
}

/// <summary>
/// Issue 3: "Escalation fires once with two app instances on one PostgreSQL". Both nodes run the
/// sweep; each escalation level is written once — one timeline step, one notification — whichever
/// node fires it (ADR 0007).
/// </summary>
public sealed class TwoNodeEscalationTests(TwoQuartzNodes nodes) : IClassFixture<TwoQuartzNodes>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> OverdueLaterAsync(string submittedAt)
    {
        nodes.ClockTo(submittedAt);
        var (_, deptUnit) = await AccountAsync(nodes.A.Services, "dept");
        var c = await SubmitAsync(await nodes.A.ClientForAsync("dept"), CasePriority.Emergency); // due the next working day, 17:30
        var onB = await nodes.B.ClientForAsync("dept");
        await ActAsync(onB, c.Id, CaseAction.Accept);
        await ActAsync(onB, c.Id, CaseAction.Assign, new CaseActionRequest { AssignToUnitId = deptUnit });
        return c.Id;
    }

    private async Task ShouldBeEscalatedOncePerLevelAsync(Guid id, int levels)
    {
        var view = await GetAsync(await nodes.B.ClientForAsync("dept"), id);
        view.EscalationLevel.ShouldBe(levels);
        view.Timeline.Count(e => e.Action == "Escalate").ShouldBe(levels);
        var toUnit = await NotificationsAsync(await nodes.A.ClientForAsync("dept"), id);
        toUnit.Count(n => n.Kind == NotificationKind.Escalation && n.Level == 1).ShouldBe(1);
        var toLeader = await NotificationsAsync(await nodes.B.ClientForAsync("leader"), id);
        toLeader.Count(n => n.Kind == NotificationKind.Escalation && n.Level == 2).ShouldBe(levels >= 2 ? 1 : 0);
    }

    /// <summary>Besides the every-second trigger, each node asks its scheduler to fire the sweep now, at the same moment.</summary>
    private async Task FireOnBothNodesAtOnceAsync()
    {
        var schedulers = await Task.WhenAll(new[] { nodes.A, nodes.B }.Select(n => n.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct).AsTask()));
        await Task.WhenAll(schedulers.Select(s => s.TriggerJob(CaseJobs.EscalationSweep, Ct).AsTask()));
    }

    [Fact]
    public async Task Escalation_fires_once_with_two_app_instances_on_one_PostgreSQL()
    {
        // Both nodes join one Quartz cluster in the platform database (each scheduler starts once its app has).
        await using (var scope = nodes.A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var members = 0;
            for (var wait = 0; wait < 60 && members < 2; wait++)
            {
                if (wait > 0) await Task.Delay(500, Ct);
                members = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM qrtz_scheduler_state WHERE sched_name = 'SmartIsland'").SingleAsync(Ct);
            }
            members.ShouldBe(2);
        }

        var id = await OverdueLaterAsync("2026-12-02 10:00");
        nodes.ClockTo("2026-12-03 17:45"); // past the deadline: level 1 (督办)
        await FireOnBothNodesAtOnceAsync();
        await Eventually.ReadAsync(nodes.A, "dept", id, v => v.EscalationLevel >= 1);
        await Task.Delay(TimeSpan.FromSeconds(3), Ct); // several more firings on the cluster
        await ShouldBeEscalatedOncePerLevelAsync(id, 1);

        nodes.ClockTo("2026-12-04 17:40"); // seven working hours overdue: level 2, the zone leader
        await FireOnBothNodesAtOnceAsync();
        await Eventually.ReadAsync(nodes.B, "dept", id, v => v.EscalationLevel >= 2);
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        await ShouldBeEscalatedOncePerLevelAsync(id, 2);

        var verify = await (await nodes.B.ClientForAsync("admin")).GetFromJsonAsync<JsonElement>("/api/audit/verify", Ct);
        verify.GetProperty("valid").GetBoolean().ShouldBeTrue(verify.ToString());
    }

    [Fact]
    public async Task Sweeps_racing_on_both_nodes_write_each_level_once()
    {
        var id = await OverdueLaterAsync("2026-12-09 10:00");
        nodes.ClockTo("2026-12-11 17:40"); // both levels due at once (due Thu 17:30, 7 working hours past)
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? nodes.A : nodes.B).SweepAsync()));

        runs.ShouldAllBe(r => r.Failed == 0);
        runs.Sum(r => r.Escalated).ShouldBeLessThanOrEqualTo(2); // Quartz may have taken them; never more than once
        await ShouldBeEscalatedOncePerLevelAsync(id, 2);
    }
}
