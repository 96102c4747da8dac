using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Security;

namespace SmartIsland.Cases.Hazards;

/// <summary>
/// Who may do what with hazards (隐患排查整改). Inspections are field work of the grid workers, the
/// departments and the parks (and administrators); the ledger is read by all zone staff. A hazard
/// ordered rectified by a deadline runs its own small loop, kept as data like every case type's:
/// the responsible unit reports it rectified with photos after, the inspector who found it verifies
/// (核查), and it is closed out (销号). The inspector is a role of the moment — whoever opened the round
/// the hazard belongs to — written here as <see cref="Inspector"/>.
/// </summary>
public static class HazardRules
{
    /// <summary>The contextual role of the person who opened the hazard's inspection round.</summary>
    public const string Inspector = "Inspector";

    public static readonly string[] Inspecting = [Roles.GridWorker, Roles.DepartmentStaff, Roles.ParkStaff, Roles.Admin];

    public const string InspectRule = "hazards.inspect: inspection rounds and the hazards found in them are recorded by grid workers, department and park staff and administrators";
    public const string ReadRule = "hazards.read: the hazard ledger is for the zone's staff";
    public const string AfterPhotoRule = "hazards.resolve: a rectification is reported with photos after it (整改前后对照)";

    private static readonly string[] Units = [Roles.DepartmentStaff, Roles.ParkStaff, Roles.ChiefServiceOfficer, Roles.GridWorker];

    /// <summary>
    /// The rectification loop of a hazard ordered rectified by a deadline. Verification and close-out
    /// belong to the inspector (a zone leader may stand in; a department closes out as the supervising unit).
    /// </summary>
    public static CaseWorkflow Workflow { get; } = new(
    [
        new(CaseAction.Resolve, [CaseState.InProgress, CaseState.Reopened], CaseState.Resolved, Units, false, AfterPhotoRule),
        new(CaseAction.Verify, [CaseState.Resolved], CaseState.Verified, [Inspector, Roles.ZoneLeader], false,
            "hazards.verify: the inspector who found the hazard verifies its rectification (核查)"),
        new(CaseAction.FailVerification, [CaseState.Resolved], CaseState.Reopened, [Inspector, Roles.ZoneLeader], true,
            "hazards.fail-verification: a rectification that does not pass goes back to the unit, saying what is missing"),
        new(CaseAction.Close, [CaseState.Verified], CaseState.Closed, [Inspector, Roles.DepartmentStaff, Roles.ZoneLeader, Roles.Admin], false,
            "hazards.close-out: a verified hazard is closed out (销号) by its inspector or the supervising department"),
    ]);

    public static HazardStatus StatusOf(CaseState state) => state switch
    {
        CaseState.Resolved => HazardStatus.AwaitingVerification,
        CaseState.Verified => HazardStatus.Verified,
        CaseState.Closed or CaseState.Rejected => HazardStatus.ClosedOut,
        _ => HazardStatus.Rectifying,
    };

    public static IReadOnlyList<CaseState> StatesOf(HazardStatus status) => status switch
    {
        HazardStatus.AwaitingVerification => [CaseState.Resolved],
        HazardStatus.Verified => [CaseState.Verified],
        HazardStatus.ClosedOut => [CaseState.Closed, CaseState.Rejected],
        _ => [CaseState.Submitted, CaseState.Accepted, CaseState.Assigned, CaseState.InProgress, CaseState.WaitingForRequester, CaseState.Transferred, CaseState.Reopened],
    };

    /// <summary>Still to be rectified: overdue once its deadline has passed.</summary>
    public static bool AwaitsRectification(CaseState state) => StatusOf(state) == HazardStatus.Rectifying;
}
