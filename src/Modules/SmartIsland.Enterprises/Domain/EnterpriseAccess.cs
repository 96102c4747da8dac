using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Enterprises.Domain;

/// <summary>
/// Who may see and change which enterprise. Each refusal names its rule so the UI and the audit can cite it.
/// </summary>
public static class EnterpriseAccess
{
    public const string ReadRule = "enterprises.read: zone staff read every enterprise of their zone; an enterprise user reads only its own";
    public const string EditRule = "enterprises.edit: an enterprise user edits only its own enterprise; zone leaders and grid workers do not edit the registry";
    public const string CreateRule = "enterprises.create: only administrators, department staff and park staff register enterprises";
    public const string ReviewRule = "enterprises.indicators.review: administrators, department staff, park staff and chief service officers review a year's figures, send it back and decide corrections; an enterprise user submits its own years and requests corrections";

    private static readonly string[] Editors = [Roles.Admin, Roles.DepartmentStaff, Roles.ParkStaff, Roles.ChiefServiceOfficer];
    private static readonly string[] Creators = [Roles.Admin, Roles.DepartmentStaff, Roles.ParkStaff];
    /// <summary>Roles that need the legal representative's name and the contact phone in full.</summary>
    private static readonly string[] SeePersonalData = [Roles.Admin, Roles.ZoneLeader, Roles.ChiefServiceOfficer];

    public static bool CanRead(ICurrentUser user, Guid enterpriseId) =>
        user.IsInAnyRole([.. Roles.Staff]) || (user.IsInRole(Roles.EnterpriseUser) && user.EnterpriseId == enterpriseId);

    public static bool CanList(ICurrentUser user) => user.IsInAnyRole([.. Roles.Staff]);

    public static bool CanEdit(ICurrentUser user, Guid enterpriseId) =>
        user.IsInAnyRole(Editors) || (user.IsInRole(Roles.EnterpriseUser) && user.EnterpriseId == enterpriseId);

    public static bool CanCreate(ICurrentUser user) => user.IsInAnyRole(Creators);

    /// <summary>Reviewers are the editors who work for the zone; an enterprise user never reviews, not even its own figures.</summary>
    public static bool CanReview(ICurrentUser user) => user.IsInAnyRole(Editors);

    public static void DemandReview(ICurrentUser user, string message)
    {
        if (!CanReview(user)) throw new ForbiddenException(ReviewRule, message);
    }

    public static bool CanSeePersonalData(ICurrentUser user, Guid enterpriseId) =>
        user.IsInAnyRole(SeePersonalData) || (user.IsInRole(Roles.EnterpriseUser) && user.EnterpriseId == enterpriseId);

    public static void DemandRead(ICurrentUser user, Guid id, string message)
    {
        if (!CanRead(user, id)) throw new ForbiddenException(ReadRule, message);
    }

    public static void DemandEdit(ICurrentUser user, Guid id, string message)
    {
        if (!CanEdit(user, id)) throw new ForbiddenException(EditRule, message);
    }
}
