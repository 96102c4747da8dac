using Microsoft.AspNetCore.Identity;

namespace SmartIsland.Platform.Data;

/// <summary>
/// A sign-in account. Accounts are looked up by user name before anyone is signed in, so they are
/// not zone-filtered; the zone is a claim of the signed-in principal and every screen that lists
/// accounts filters on it explicitly.
/// </summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    public Guid ZoneId { get; set; }
    public string DisplayName { get; set; } = "";
    /// <summary>The user's UI culture (zh-CN by default, en-US selectable).</summary>
    public string Culture { get; set; } = "zh-CN";
    /// <summary>For EnterpriseUser accounts: the enterprise they act for.</summary>
    public Guid? EnterpriseId { get; set; }
    public Guid? DepartmentId { get; set; }
    public Guid? ParkId { get; set; }
}
