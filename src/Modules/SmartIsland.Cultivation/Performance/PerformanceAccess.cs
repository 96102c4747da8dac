using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cultivation.Performance;

/// <summary>Who may read and change the per-mu evaluation. Each refusal cites its rule.</summary>
internal static class PerformanceAccess
{
    public const string ReadRule = "performance.read: zone staff read the evaluation; an enterprise user reads only its own grade card";
    public const string ManageRule = "performance.manage: administrators and department staff run evaluations and set the scheme, policies and exclusions";

    private static readonly string[] Managers = [Roles.Admin, Roles.DepartmentStaff];

    public static bool CanManage(ICurrentUser user) => user.IsInAnyRole(Managers);

    public static bool CanRead(ICurrentUser user) => user.IsInAnyRole([.. Roles.Staff]);

    public static bool CanReadCard(ICurrentUser user, Guid enterpriseId) =>
        CanRead(user) || (user.IsInRole(Roles.EnterpriseUser) && user.EnterpriseId == enterpriseId);

    public static void DemandManage(ICurrentUser user, string message)
    {
        if (!CanManage(user)) throw new ForbiddenException(ManageRule, message);
    }

    public static void DemandRead(ICurrentUser user, string message)
    {
        if (!CanRead(user)) throw new ForbiddenException(ReadRule, message);
    }
}
