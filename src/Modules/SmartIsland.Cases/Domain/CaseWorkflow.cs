using SmartIsland.Platform.Security;

namespace SmartIsland.Cases.Domain;

/// <summary>Where a case stands in its closed loop (闭环: assign → act → verify → close).</summary>
public enum CaseState
{
    Submitted,
    Accepted,
    Assigned,
    InProgress,
    /// <summary>Waiting for the requester (补正 / more information): the deadline clock pauses.</summary>
    WaitingForRequester,
    Resolved,
    Verified,
    Closed,
    Rejected,
    Transferred,
    Reopened,
}

/// <summary>What someone does to a case; each action is one transition of the workflow.</summary>
public enum CaseAction
{
    Accept,
    Reject,
    Assign,
    Transfer,
    Start,
    AskRequester,
    RequesterReplied,
    Resolve,
    Verify,
    FailVerification,
    Close,
    RateUnsatisfied,
    /// <summary>Closes a duplicate into the case it repeats; both keep a link to the other.</summary>
    Merge,
}

/// <summary>
/// One allowed transition: from which states, by which roles, into which state, and whether the actor
/// must give a reason (a rejection must cite one; so must a transfer and a failed verification).
/// <see cref="Rule"/> is what a refusal cites.
/// </summary>
public sealed record TransitionRule(CaseAction Action, IReadOnlyList<CaseState> From, CaseState To, IReadOnlyList<string> Roles, bool ReasonRequired, string Rule);

public abstract record TransitionDecision
{
    private TransitionDecision() { }

    public sealed record Allowed(CaseState To, TransitionRule By) : TransitionDecision;

    /// <summary>Refused, citing the rule (or the absence of one) that says why; <see cref="ReasonMissing"/> when only the reason is.</summary>
    public sealed record Refused(string Rule, string Why, bool ReasonMissing = false) : TransitionDecision;
}

/// <summary>
/// A case type's state machine, kept as data so each type (Request, Hazard, …) can have its own.
/// The server decides every transition here; pages only offer what <see cref="ActionsFor"/> allows.
/// </summary>
public sealed class CaseWorkflow(IReadOnlyList<TransitionRule> rules)
{
    public IReadOnlyList<TransitionRule> Rules { get; } = rules;

    public TransitionDecision Decide(CaseState state, CaseAction action, IReadOnlyCollection<string> actorRoles, string? reason)
    {
        var candidates = Rules.Where(r => r.Action == action && r.From.Contains(state)).ToList();
        if (candidates.Count == 0)
            return new TransitionDecision.Refused($"workflow: {action} is not possible from {state}", $"{action} is not possible while the case is {state}.");
        var rule = candidates.FirstOrDefault(r => r.Roles.Any(actorRoles.Contains));
        if (rule is null)
            return new TransitionDecision.Refused(candidates[0].Rule, $"{action} from {state} is for {string.Join(", ", candidates[0].Roles)}.");
        if (rule.ReasonRequired && string.IsNullOrWhiteSpace(reason))
            return new TransitionDecision.Refused(rule.Rule, $"{action} must give a reason.", ReasonMissing: true);
        return new TransitionDecision.Allowed(rule.To, rule);
    }

    /// <summary>The actions these roles may take now: what the case page offers as buttons.</summary>
    public IReadOnlyList<CaseAction> ActionsFor(CaseState state, IReadOnlyCollection<string> actorRoles) =>
        Rules.Where(r => r.From.Contains(state) && r.Roles.Any(actorRoles.Contains)).Select(r => r.Action).Distinct().ToList();

    public static bool IsOpen(CaseState state) => state is not (CaseState.Closed or CaseState.Rejected);

    // Declared before Default: static initialisers run in textual order.
    private static readonly string[] Requesters = [Roles.Citizen, Roles.EnterpriseUser];
    private static readonly string[] Handlers = [Roles.DepartmentStaff, Roles.ParkStaff, Roles.ChiefServiceOfficer, Roles.GridWorker];
    private static readonly string[] Intake = [Roles.DepartmentStaff, Roles.ParkStaff, Roles.ChiefServiceOfficer, Roles.Admin];
    private static readonly string[] Dispatchers = [Roles.DepartmentStaff, Roles.ParkStaff, Roles.ChiefServiceOfficer, Roles.ZoneLeader, Roles.Admin];
    private static readonly string[] Verifiers = [Roles.GridWorker, Roles.DepartmentStaff, Roles.ZoneLeader];
    private static readonly string[] Closers = [Roles.DepartmentStaff, Roles.ParkStaff, Roles.ZoneLeader, Roles.Admin];

    /// <summary>
    /// The default loop shared by the built-in types. Handlers are the units' staff (department, park,
    /// chief service officer, grid worker); the requester (citizen or enterprise) answers questions and
    /// rates the result; leaders may assign, transfer, verify and close anything.
    /// </summary>
    public static CaseWorkflow Default { get; } = new(
    [
        new(CaseAction.Accept, [CaseState.Submitted, CaseState.Transferred], CaseState.Accepted, Intake, false, "cases.accept: the receiving unit accepts a submitted or transferred case"),
        new(CaseAction.Reject, [CaseState.Submitted, CaseState.Transferred, CaseState.Accepted], CaseState.Rejected, Intake, true, "cases.reject: a rejection must cite its reason (published condition)"),
        new(CaseAction.Assign, [CaseState.Accepted, CaseState.Reopened, CaseState.Assigned], CaseState.Assigned, Dispatchers, false, "cases.assign: the unit or a leader assigns a handler"),
        new(CaseAction.Transfer, [CaseState.Submitted, CaseState.Accepted, CaseState.Assigned, CaseState.InProgress, CaseState.Reopened], CaseState.Transferred, Dispatchers, true, "cases.transfer: moving a case to another unit must give a reason"),
        new(CaseAction.Start, [CaseState.Assigned, CaseState.Reopened], CaseState.InProgress, Handlers, false, "cases.start: the assigned handler starts work"),
        new(CaseAction.AskRequester, [CaseState.InProgress], CaseState.WaitingForRequester, Handlers, true, "cases.ask: asking the requester pauses the clock and says what is needed"),
        new(CaseAction.RequesterReplied, [CaseState.WaitingForRequester], CaseState.InProgress, [.. Requesters, .. Handlers], false, "cases.reply: the requester's answer resumes the clock"),
        new(CaseAction.Resolve, [CaseState.InProgress], CaseState.Resolved, Handlers, false, "cases.resolve: the handler reports the case fixed"),
        new(CaseAction.Verify, [CaseState.Resolved], CaseState.Verified, Verifiers, false, "cases.verify: an inspector or leader confirms the fix on site"),
        new(CaseAction.FailVerification, [CaseState.Resolved], CaseState.Reopened, Verifiers, true, "cases.fail-verification: a failed check reopens the case and says what is missing"),
        new(CaseAction.Close, [CaseState.Verified], CaseState.Closed, Closers, false, "cases.close: a verified case is closed out (销号)"),
        new(CaseAction.RateUnsatisfied, [CaseState.Resolved, CaseState.Verified, CaseState.Closed], CaseState.Reopened, Requesters, false, "cases.revisit: an unsatisfied requester reopens the case"),
        new(CaseAction.Merge, [CaseState.Submitted, CaseState.Accepted, CaseState.Assigned, CaseState.InProgress, CaseState.WaitingForRequester, CaseState.Transferred, CaseState.Reopened], CaseState.Closed, Dispatchers, true, "cases.merge: a duplicate is closed into the case it repeats, saying why"),
    ]);

    private static readonly string[] Leaders = [Roles.ZoneLeader, Roles.Admin];

    /// <summary>
    /// 督办事项: a leader raises a task and hands it straight to a unit (no intake step, no requester to rate
    /// it); the unit works it and reports; only a leader verifies, sends it back, or closes it.
    /// </summary>
    public static CaseWorkflow Supervision { get; } = new(
    [
        new(CaseAction.Assign, [CaseState.Submitted, CaseState.Assigned, CaseState.Reopened], CaseState.Assigned, Leaders, false, "cases.supervision.assign: a leader hands the task to a unit"),
        new(CaseAction.Transfer, [CaseState.Assigned, CaseState.InProgress, CaseState.Reopened], CaseState.Assigned, Leaders, true, "cases.supervision.transfer: a leader moves the task to another unit, saying why"),
        new(CaseAction.Start, [CaseState.Assigned, CaseState.Reopened], CaseState.InProgress, Handlers, false, "cases.supervision.start: the unit starts work"),
        new(CaseAction.Resolve, [CaseState.InProgress], CaseState.Resolved, Handlers, false, "cases.supervision.report: the unit reports the task done"),
        new(CaseAction.Verify, [CaseState.Resolved], CaseState.Verified, [Roles.ZoneLeader], false, "cases.supervision.verify: the leader who supervises checks the result"),
        new(CaseAction.FailVerification, [CaseState.Resolved], CaseState.Reopened, [Roles.ZoneLeader], true, "cases.supervision.send-back: the leader sends it back, saying what is missing"),
        new(CaseAction.Close, [CaseState.Verified], CaseState.Closed, Leaders, false, "cases.supervision.close: a verified task is closed (销号)"),
        new(CaseAction.Reject, [CaseState.Submitted, CaseState.Assigned], CaseState.Rejected, Leaders, true, "cases.supervision.withdraw: a leader withdraws the task, saying why"),
    ]);

    /// <summary>The workflow a type names (<see cref="CaseType.Workflow"/>); unknown names fall back to the default loop.</summary>
    public static CaseWorkflow Named(string? name) => name switch
    {
        "supervision" => Supervision,
        _ => Default,
    };

}
