using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SmartIsland.Cases.Data;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.IntegrationTests.Support;
using SmartIsland.Platform.Data;
using static SmartIsland.IntegrationTests.Support.CaseSteps;

namespace SmartIsland.IntegrationTests;

/// <summary>
/// Reminders, escalation (督办), keep-in-loop and anonymisation on both databases. Quartz is off here:
/// each test moves the platform clock (office hours 08:30–12:00, 14:00–17:30) and runs the sweep
/// itself, so every expected step is pinned to an instant counted by hand.
/// </summary>
public abstract class EscalationBehaviour<TFactory>(TFactory factory) where TFactory : PlatformFactory, ISchedulerHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Moves the clock; sign-in tokens are judged by it, so clients are made after each move.</summary>
    private void ClockTo(string local) => factory.Clock.Set(At(local));

    [Fact]
    public async Task The_overdue_queue_turns_at_the_deadline_itself_not_hours_later()
    {
        ClockTo("2026-12-09 10:00"); // Wednesday
        var citizen = await factory.ClientForAsync("citizen");
        var c = await SubmitAsync(citizen, CasePriority.Emergency, description: "队列时限测试");
        c.Resolution.Due.ShouldBe(At("2026-12-10 17:30")); // one working day: end of office hours on Thursday
        async Task<bool> InOverdueQueue()
        {
            var dept = await factory.ClientForAsync("dept"); // signed in at the moved clock: tokens expire on it too
            return (await dept.GetFromJsonAsync<CasePage>("/api/cases?queue=Overdue&pageSize=200", Json, Ct))!.Items.Any(i => i.Id == c.Id);
        }

        ClockTo("2026-12-10 17:20");
        (await InOverdueQueue()).ShouldBeFalse();
        ClockTo("2026-12-10 17:40"); // ten minutes late (09:40 UTC): overdue now, on both databases
        (await InOverdueQueue()).ShouldBeTrue();
    }

    [Fact]
    public async Task An_overdue_case_is_reminded_once_then_supervised_by_its_unit_then_escalated_to_the_zone_leader()
    {
        ClockTo("2026-12-02 10:00"); // Wednesday
        var (deptId, deptUnit) = await AccountAsync(factory.Services, "dept");
        var dept = await factory.ClientForAsync("dept");
        var c = await SubmitAsync(dept, CasePriority.Emergency);
        c.Resolution.Due.ShouldBe(At("2026-12-03 17:30")); // one working day
        await ActAsync(dept, c.Id, CaseAction.Accept);
        await ActAsync(dept, c.Id, CaseAction.Assign, new CaseActionRequest { AssignToUserId = deptId, AssignToUnitId = deptUnit });

        ClockTo("2026-12-03 11:00"); // 4.5 working hours left: outside the 4-hour window
        (await factory.SweepAsync()).Failed.ShouldBe(0);
        dept = await factory.ClientForAsync("dept");
        (await GetAsync(dept, c.Id)).Timeline.ShouldNotContain(e => e.Action == "Remind");
        (await NotificationsAsync(dept, c.Id)).ShouldBeEmpty();

        ClockTo("2026-12-03 11:45"); // 3.75 h left
        await factory.SweepAsync();
        await factory.SweepAsync();
        dept = await factory.ClientForAsync("dept");
        var reminded = await GetAsync(dept, c.Id);
        reminded.Timeline.Count(e => e.Action == "Remind").ShouldBe(1);
        reminded.EscalationLevel.ShouldBe(0);
        var reminder = (await NotificationsAsync(dept, c.Id)).ShouldHaveSingleItem();
        (reminder.Kind, reminder.AddressedTo, reminder.Supervised).ShouldBe((NotificationKind.Reminder, "user", false));

        ClockTo("2026-12-03 17:45"); // past the deadline
        await factory.SweepAsync();
        await factory.SweepAsync();
        dept = await factory.ClientForAsync("dept");
        var supervised = await GetAsync(dept, c.Id);
        supervised.EscalationLevel.ShouldBe(1);
        supervised.SupervisedAt!.Value.ShouldBe(At("2026-12-03 17:45"), TimeSpan.FromMinutes(1));
        var escalate = supervised.Timeline.Where(e => e.Action == "Escalate").ShouldHaveSingleItem();
        (escalate.From, escalate.To, escalate.Actor).ShouldBe((CaseState.Assigned, CaseState.Assigned, "scheduler"));
        supervised.Timeline.Count(e => e.Action == "Remind").ShouldBe(1);
        var toUnit = (await NotificationsAsync(dept, c.Id)).Where(n => n.Kind == NotificationKind.Escalation).ShouldHaveSingleItem();
        (toUnit.Level, toUnit.AddressedTo, toUnit.Supervised).ShouldBe((1, "unit", true));
        (await NotificationsAsync(await factory.ClientForAsync("leader"), c.Id)).ShouldBeEmpty();

        ClockTo("2026-12-04 17:00"); // 3.5 + 3 = 6.5 working hours overdue: level 2 waits for 7
        await factory.SweepAsync();
        (await GetAsync(await factory.ClientForAsync("dept"), c.Id)).EscalationLevel.ShouldBe(1);

        ClockTo("2026-12-04 17:40");
        await factory.SweepAsync();
        await factory.SweepAsync();
        var leader = await factory.ClientForAsync("leader");
        var escalated = await GetAsync(leader, c.Id);
        escalated.EscalationLevel.ShouldBe(2);
        escalated.Timeline.Count(e => e.Action == "Escalate").ShouldBe(2);
        var toLeader = (await NotificationsAsync(leader, c.Id)).ShouldHaveSingleItem();
        (toLeader.Kind, toLeader.Level, toLeader.AddressedTo).ShouldBe((NotificationKind.Escalation, 2, "ZoneLeader"));
        (await NotificationsAsync(await factory.ClientForAsync("dept"), c.Id)).Count.ShouldBe(2); // the reminder and the 督办

        // One audited save per step, by the scheduler, with its reason.
        var admin = await factory.ClientForAsync("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Case&entityId={c.Id}&pageSize=50", Ct);
        audit.GetProperty("total").GetInt32().ShouldBe(6); // created, accepted, assigned, reminded, level 1, level 2
        var bySweeps = audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("userName").GetString() == "scheduler").ToList();
        bySweeps.Count.ShouldBe(3);
        bySweeps.ShouldAllBe(e => e.GetProperty("reason").GetString()!.StartsWith("scheduler: "));
    }

    [Fact]
    public async Task A_case_waiting_for_the_requester_is_not_escalated_and_its_deadline_moves_by_the_wait()
    {
        ClockTo("2026-12-09 10:00"); // Wednesday
        var citizen = await factory.ClientForAsync("citizen");
        var dept = await factory.ClientForAsync("dept");
        var c = await SubmitAsync(citizen, CasePriority.Emergency);
        c.Resolution.Due.ShouldBe(At("2026-12-10 17:30"));
        await ActAsync(dept, c.Id, CaseAction.Accept);
        await ActAsync(dept, c.Id, CaseAction.Assign, new CaseActionRequest { AssignToUserId = (await AccountAsync(factory.Services, "dept")).Id });
        await ActAsync(dept, c.Id, CaseAction.Start);
        await ActAsync(dept, c.Id, CaseAction.AskRequester, new CaseActionRequest { Reason = "请补充路灯杆号" });

        ClockTo("2026-12-11 11:00"); // past the first due time, still waiting
        await factory.SweepAsync();
        dept = await factory.ClientForAsync("dept");
        var waiting = await GetAsync(dept, c.Id);
        waiting.EscalationLevel.ShouldBe(0);
        waiting.Timeline.ShouldNotContain(e => e.Action == "Escalate" || e.Action == "Remind");

        // Waited Wed 10:00 – Fri 11:00: 2 + 3.5 + 7 + 2.5 = 15 working hours → due Tue 12-15 09:30.
        var resumed = await ActAsync(await factory.ClientForAsync("citizen"), c.Id, CaseAction.RequesterReplied);
        resumed.Resolution.Due.ShouldBe(At("2026-12-15 09:30"), TimeSpan.FromMinutes(1));

        ClockTo("2026-12-14 17:00"); // 0.5 + 1 = 1.5 working hours left
        await factory.SweepAsync();
        var reminded = await GetAsync(await factory.ClientForAsync("dept"), c.Id);
        reminded.Timeline.Count(e => e.Action == "Remind").ShouldBe(1);
        reminded.EscalationLevel.ShouldBe(0);

        ClockTo("2026-12-15 09:45");
        await factory.SweepAsync();
        (await GetAsync(await factory.ClientForAsync("dept"), c.Id)).EscalationLevel.ShouldBe(1);
    }

    [Fact]
    public async Task A_case_whose_type_asks_for_progress_every_two_working_days_is_flagged_once_when_none_comes()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().UseAllZones();
            foreach (var type in await db.Set<CaseType>().IgnoreQueryFilters().Where(t => t.Code == "supervision-task").ToListAsync(Ct))
            {
                var policy = JsonSerializer.Deserialize<DeadlinePolicyData>(type.PolicyJson, CaseJson.Options)!;
                type.PolicyJson = JsonSerializer.Serialize(policy with { ProgressEveryWorkingDays = 2 }, CaseJson.Options);
            }
            db.AuditReason = "test: keep-in-loop on supervision tasks";
            await db.SaveChangesAsync(Ct);
        }
        ClockTo("2026-12-16 10:00"); // Wednesday
        var (deptId, _) = await AccountAsync(factory.Services, "dept");
        var dept = await factory.ClientForAsync("dept");
        var leader = await factory.ClientForAsync("leader"); // supervision tasks are raised and handed out by leaders
        var c = await SubmitAsync(leader, CasePriority.Normal, "supervision-task", "task", "督办：蒲楼村路灯整改进展");
        await ActAsync(leader, c.Id, CaseAction.Assign, new CaseActionRequest { AssignToUserId = deptId }); // the first staff action starts the keep-in-loop count
        await ActAsync(dept, c.Id, CaseAction.Start);

        ClockTo("2026-12-18 17:00"); // an update is due by Friday 17:30
        await factory.SweepAsync();
        (await GetAsync(await factory.ClientForAsync("dept"), c.Id)).ProgressOverdue.ShouldBeFalse();

        ClockTo("2026-12-18 17:45");
        await factory.SweepAsync();
        await factory.SweepAsync();
        dept = await factory.ClientForAsync("dept");
        var flagged = await GetAsync(dept, c.Id);
        flagged.ProgressOverdue.ShouldBeTrue();
        flagged.Timeline.Count(e => e.Action == "ProgressOverdue").ShouldBe(1);
        flagged.EscalationLevel.ShouldBe(0); // the resolution deadline (Wed 12-23) is not reached
        var flag = (await NotificationsAsync(dept, c.Id)).ShouldHaveSingleItem();
        (flag.Kind, flag.AddressedTo).ShouldBe((NotificationKind.ProgressOverdue, "user"));
    }

    [Fact]
    public async Task Personal_data_of_finished_cases_is_anonymised_after_the_period_and_open_cases_keep_theirs()
    {
        ClockTo("2026-11-26 10:00");
        var citizen = await factory.ClientForAsync("citizen");
        var dept = await factory.ClientForAsync("dept");
        var rejected = await SubmitAsync(citizen, CasePriority.Normal, description: "路灯不亮，联系13800001111", name: "郑好", phone: "13800001111");
        var closed = await SubmitAsync(citizen, CasePriority.Normal, description: "路灯不亮", name: "郑好", phone: "13800001111");
        var open = await SubmitAsync(citizen, CasePriority.Normal, description: "路灯不亮，联系13800001111", name: "郑好", phone: "13800001111");
        await ActAsync(dept, rejected.Id, CaseAction.Reject, new CaseActionRequest { Reason = "不属于本区管辖，已电话告知 13800001111" });
        foreach (var action in new[] { CaseAction.Accept, CaseAction.Assign, CaseAction.Start, CaseAction.Resolve, CaseAction.Verify, CaseAction.Close })
            await ActAsync(dept, closed.Id, action, new CaseActionRequest { AssignToUserId = action == CaseAction.Assign ? (await AccountAsync(factory.Services, "dept")).Id : null });

        ClockTo("2026-12-20 10:00"); // 24 days later: inside the 30-day period
        await factory.AnonymiseAsync();
        dept = await factory.ClientForAsync("dept");
        foreach (var id in new[] { rejected.Id, closed.Id })
        {
            var kept = await GetAsync(dept, id);
            (kept.Anonymised, kept.RequesterPhone, kept.RequesterName).ShouldBe((false, "13800001111", "郑好"));
        }

        ClockTo("2026-12-27 10:00"); // 31 days later
        (await factory.AnonymiseAsync()).ShouldBeGreaterThanOrEqualTo(2);
        (await factory.AnonymiseAsync()).ShouldBe(0);
        dept = await factory.ClientForAsync("dept");
        foreach (var id in new[] { rejected.Id, closed.Id })
        {
            var gone = await GetAsync(dept, id);
            (gone.Anonymised, gone.RequesterPhone, gone.RequesterName).ShouldBe((true, null, null));
            gone.Description.ShouldNotContain("13800001111");
            gone.Timeline.ShouldAllBe(e => e.Reason == null || !e.Reason.Contains("13800001111"));
            gone.Timeline.Single(e => e.Action == "Submit").Actor.ShouldBeNull(); // the requester is no longer named
            var step = gone.Timeline.Where(e => e.Action == "Anonymise").ShouldHaveSingleItem();
            step.From.ShouldBe(step.To);
        }
        (await GetAsync(dept, rejected.Id)).Description.ShouldBe("路灯不亮，联系[已删除]");
        // The requester's account link went with the rest: the case is no longer theirs to read.
        (await (await factory.ClientForAsync("citizen")).GetAsync($"/api/cases/{closed.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var stillOpen = await GetAsync(dept, open.Id);
        (stillOpen.Anonymised, stillOpen.RequesterPhone, stillOpen.RequesterName, stillOpen.Description).ShouldBe((false, "13800001111", "郑好", "路灯不亮，联系13800001111"));
    }

    [Fact]
    public async Task My_notifications_are_mine_and_marking_one_read_is_kept_once_and_refused_to_others()
    {
        ClockTo("2026-12-21 10:00"); // Monday
        var (deptId, _) = await AccountAsync(factory.Services, "dept");
        var dept = await factory.ClientForAsync("dept");
        var c = await SubmitAsync(dept, CasePriority.Emergency);
        await ActAsync(dept, c.Id, CaseAction.Accept);
        await ActAsync(dept, c.Id, CaseAction.Assign, new CaseActionRequest { AssignToUserId = deptId });
        ClockTo("2026-12-22 14:00"); // due Tue 17:30: 3.5 h left
        await factory.SweepAsync();

        dept = await factory.ClientForAsync("dept");
        var reminder = (await NotificationsAsync(dept, c.Id)).ShouldHaveSingleItem();
        (await NotificationsAsync(await factory.ClientForAsync("park"), c.Id)).ShouldBeEmpty();

        var refused = await (await factory.ClientForAsync("park")).PostAsync($"/api/cases/notifications/{reminder.Id}/read", null, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString()!.ShouldStartWith("cases.notifications.read");
        (await dept.PostAsync($"/api/cases/notifications/{Guid.NewGuid()}/read", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var unreadBefore = (await dept.GetFromJsonAsync<NotificationPage>("/api/cases/notifications?unread=true&pageSize=200", Json, Ct))!;
        unreadBefore.Items.ShouldContain(n => n.Id == reminder.Id);
        var read = await dept.PostAsync($"/api/cases/notifications/{reminder.Id}/read", null, Ct);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var firstRead = (await read.Content.ReadFromJsonAsync<NotificationView>(Json, Ct))!.ReadAt.ShouldNotBeNull();
        ClockTo("2026-12-22 15:00"); // reading it again an hour later keeps the first time
        dept = await factory.ClientForAsync("dept");
        var again = (await (await dept.PostAsync($"/api/cases/notifications/{reminder.Id}/read", null, Ct)).Content.ReadFromJsonAsync<NotificationView>(Json, Ct))!;
        again.ReadAt!.Value.ShouldBe(firstRead, TimeSpan.FromSeconds(1));
        var unreadAfter = (await dept.GetFromJsonAsync<NotificationPage>("/api/cases/notifications?unread=true&pageSize=200", Json, Ct))!;
        unreadAfter.Items.ShouldNotContain(n => n.Id == reminder.Id);
        unreadAfter.Unread.ShouldBe(unreadBefore.Unread - 1);
    }
}

public sealed class EscalationOnSqlite(SweepSqliteFactory factory) : EscalationBehaviour<SweepSqliteFactory>(factory), IClassFixture<SweepSqliteFactory>;

public sealed class EscalationOnPostgres(SweepPostgresFactory factory) : EscalationBehaviour<SweepPostgresFactory>(factory), IClassFixture<SweepPostgresFactory>;
