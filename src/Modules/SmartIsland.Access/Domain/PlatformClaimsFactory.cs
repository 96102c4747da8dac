using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;

namespace SmartIsland.Access.Domain;

/// <summary>Adds the zone, the enterprise and the display name to the sign-in cookie's principal.</summary>
internal sealed class PlatformClaimsFactory(UserManager<PlatformUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PlatformUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(ExtraClaims(user));
        return identity;
    }

    public static IEnumerable<Claim> ExtraClaims(PlatformUser user)
    {
        yield return new Claim(PlatformClaims.ZoneId, user.ZoneId.ToString());
        yield return new Claim(PlatformClaims.DisplayName, user.DisplayName);
        if (user.EnterpriseId is { } e) yield return new Claim(PlatformClaims.EnterpriseId, e.ToString());
        if ((user.DepartmentId ?? user.ParkId) is { } unit) yield return new Claim(PlatformClaims.UnitId, unit.ToString());
    }
}
