using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Security;
using Shouldly;

namespace SmartIsland.UnitTests;

/// <summary>
/// The default case loop, checked against the description written out independently here:
/// every allowed and every forbidden (state, action, role) combination.
/// </summary>
public sealed class CaseWorkflowTests
{
    private const string Handlers = "DepartmentStaff ParkStaff ChiefServiceOfficer GridWorker";
    private const string Intake = "DepartmentStaff ParkStaff ChiefServiceOfficer Admin";
    private const string Dispatchers = "DepartmentStaff ParkStaff ChiefServiceOfficer ZoneLeader Admin";
    private const string Requesters = "Citizen EnterpriseUser";

    /// <summary>state | action | roles allowed | resulting state | reason required.</summary>
    private static readonly (CaseState From, CaseAction Action, string Roles, CaseState To, bool Reason)[] Expected =
    [
        (CaseState.Submitted, CaseAction.Accept, Intake, CaseState.Accepted, false),
        (CaseState.Transferred, CaseAction.Accept, Intake, CaseState.Accepted, false),
        (CaseState.Submitted, CaseAction.Reject, Intake, CaseState.Rejected, true),
        (CaseState.Transferred, CaseAction.Reject, Intake, CaseState.Rejected, true),
        (CaseState.Accepted, CaseAction.Reject, Intake, CaseState.Rejected, true),
        (CaseState.Accepted, CaseAction.Assign, Dispatchers, CaseState.Assigned, false),
        (CaseState.Assigned, CaseAction.Assign, Dispatchers, CaseState.Assigned, false),
        (CaseState.Reopened, CaseAction.Assign, Dispatchers, CaseState.Assigned, false),
        (CaseState.Submitted, CaseAction.Transfer, Dispatchers, CaseState.Transferred, true),
        (CaseState.Accepted, CaseAction.Transfer, Dispatchers, CaseState.Transferred, true),
        (CaseState.Assigned, CaseAction.Transfer, Dispatchers, CaseState.Transferred, true),
        (CaseState.InProgress, CaseAction.Transfer, Dispatchers, CaseState.Transferred, true),
        (CaseState.Reopened, CaseAction.Transfer, Dispatchers, CaseState.Transferred, true),
        (CaseState.Assigned, CaseAction.Start, Handlers, CaseState.InProgress, false),
        (CaseState.Reopened, CaseAction.Start, Handlers, CaseState.InProgress, false),
        (CaseState.InProgress, CaseAction.AskRequester, Handlers, CaseState.WaitingForRequester, true),
        (CaseState.WaitingForRequester, CaseAction.RequesterReplied, Requesters + " " + Handlers, CaseState.InProgress, false),
        (CaseState.InProgress, CaseAction.Resolve, Handlers, CaseState.Resolved, false),
        (CaseState.Resolved, CaseAction.Verify, "GridWorker DepartmentStaff ZoneLeader", CaseState.Verified, false),
        (CaseState.Resolved, CaseAction.FailVerification, "GridWorker DepartmentStaff ZoneLeader", CaseState.Reopened, true),
        (CaseState.Verified, CaseAction.Close, "DepartmentStaff ParkStaff ZoneLeader Admin", CaseState.Closed, false),
        (CaseState.Resolved, CaseAction.RateUnsatisfied, Requesters, CaseState.Reopened, false),
        (CaseState.Verified, CaseAction.RateUnsatisfied, Requesters, CaseState.Reopened, false),
        (CaseState.Closed, CaseAction.RateUnsatisfied, Requesters, CaseState.Reopened, false),
        // Merging a duplicate: any open state before resolution, by whoever may dispatch, with a reason.
        (CaseState.Submitted, CaseAction.Merge, Dispatchers, CaseState.Closed, true),
        (CaseState.Accepted, CaseAction.Merge, Dispatchers, CaseState.Closed, true),
        (CaseState.Assigned, CaseAction.Merge, Dispatchers, CaseState.Closed, true),
        (CaseState.InProgress, CaseAction.Merge, Dispatchers, CaseState.Closed, true),
        (CaseState.WaitingForRequester, CaseAction.Merge, Dispatchers, CaseState.Closed, true),
        (CaseState.Transferred, CaseAction.Merge, Dispatchers, CaseState.Closed, true),
        (CaseState.Reopened, CaseAction.Merge, Dispatchers, CaseState.Closed, true),
    ];

    public static TheoryData<CaseState, CaseAction, string> EveryCombination()
    {
        var data = new TheoryData<CaseState, CaseAction, string>();
        foreach (var state in Enum.GetValues<CaseState>())
            foreach (var action in Enum.GetValues<CaseAction>())
                foreach (var role in Roles.All)
                    data.Add(state, action, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Each_role_may_make_exactly_the_transitions_the_loop_gives_it(CaseState state, CaseAction action, string role)
    {
        var expected = Expected.Where(e => e.From == state && e.Action == action && e.Roles.Split(' ').Contains(role)).ToList();
        var decision = CaseWorkflow.Default.Decide(state, action, [role], reason: "现场核实，见附件");
        if (expected.Count == 0)
        {
            decision.ShouldBeOfType<TransitionDecision.Refused>().Rule.ShouldNotBeNullOrWhiteSpace();
        }
        else
        {
            decision.ShouldBeOfType<TransitionDecision.Allowed>().To.ShouldBe(expected[0].To);
        }
    }

    [Fact]
    public void Transitions_that_need_a_reason_are_refused_without_one_citing_their_rule()
    {
        foreach (var e in Expected.Where(e => e.Reason))
        {
            var role = e.Roles.Split(' ')[0];
            var refused = CaseWorkflow.Default.Decide(e.From, e.Action, [role], reason: "  ").ShouldBeOfType<TransitionDecision.Refused>();
            refused.Rule.ShouldStartWith("cases.");
        }
    }

    [Fact]
    public void Closed_and_rejected_cases_are_not_open()
    {
        CaseWorkflow.IsOpen(CaseState.Closed).ShouldBeFalse();
        CaseWorkflow.IsOpen(CaseState.Rejected).ShouldBeFalse();
        CaseWorkflow.IsOpen(CaseState.Reopened).ShouldBeTrue();
    }

    [Fact]
    public void The_page_offers_only_what_the_role_may_do()
    {
        CaseWorkflow.Default.ActionsFor(CaseState.Resolved, [Roles.Citizen]).ShouldBe([CaseAction.RateUnsatisfied]);
        CaseWorkflow.Default.ActionsFor(CaseState.Submitted, [Roles.Citizen]).ShouldBeEmpty();
    }

    /// <summary>督办事项, written out from the issue: leaders raise and hand out, units work and report, leaders check and close.</summary>
    private static readonly (CaseState From, CaseAction Action, string Roles, CaseState To)[] SupervisionExpected =
    [
        (CaseState.Submitted, CaseAction.Assign, "ZoneLeader Admin", CaseState.Assigned),
        (CaseState.Assigned, CaseAction.Assign, "ZoneLeader Admin", CaseState.Assigned),
        (CaseState.Reopened, CaseAction.Assign, "ZoneLeader Admin", CaseState.Assigned),
        (CaseState.Assigned, CaseAction.Transfer, "ZoneLeader Admin", CaseState.Assigned),
        (CaseState.InProgress, CaseAction.Transfer, "ZoneLeader Admin", CaseState.Assigned),
        (CaseState.Reopened, CaseAction.Transfer, "ZoneLeader Admin", CaseState.Assigned),
        (CaseState.Assigned, CaseAction.Start, Handlers, CaseState.InProgress),
        (CaseState.Reopened, CaseAction.Start, Handlers, CaseState.InProgress),
        (CaseState.InProgress, CaseAction.Resolve, Handlers, CaseState.Resolved),
        (CaseState.Resolved, CaseAction.Verify, "ZoneLeader", CaseState.Verified),
        (CaseState.Resolved, CaseAction.FailVerification, "ZoneLeader", CaseState.Reopened),
        (CaseState.Verified, CaseAction.Close, "ZoneLeader Admin", CaseState.Closed),
        (CaseState.Submitted, CaseAction.Reject, "ZoneLeader Admin", CaseState.Rejected),
        (CaseState.Assigned, CaseAction.Reject, "ZoneLeader Admin", CaseState.Rejected),
    ];

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Supervision_tasks_follow_their_own_loop(CaseState state, CaseAction action, string role)
    {
        var expected = SupervisionExpected.Where(e => e.From == state && e.Action == action && e.Roles.Split(' ').Contains(role)).ToList();
        var decision = CaseWorkflow.Named("supervision").Decide(state, action, [role], reason: "督办要求见会议纪要");
        if (expected.Count == 0) decision.ShouldBeOfType<TransitionDecision.Refused>();
        else decision.ShouldBeOfType<TransitionDecision.Allowed>().To.ShouldBe(expected[0].To);
    }

    [Fact]
    public void An_unknown_workflow_name_is_the_default_loop() =>
        CaseWorkflow.Named("no-such").ShouldBeSameAs(CaseWorkflow.Default);
}
