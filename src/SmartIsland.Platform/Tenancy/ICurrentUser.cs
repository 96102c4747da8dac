using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using SmartIsland.Platform.Security;

namespace SmartIsland.Platform.Tenancy;

/// <summary>Who is acting, and in which zone. Every module asks this, never HttpContext directly.</summary>
public interface ICurrentUser
{
    ClaimsPrincipal Principal { get; }
    bool IsAuthenticated { get; }
    Guid? UserId { get; }
    string? UserName { get; }
    Guid? ZoneId { get; }
    Guid? EnterpriseId { get; }
    /// <summary>The staff member's unit (department or park); null for others.</summary>
    Guid? UnitId { get; }
    bool IsInRole(string role);
    bool IsInAnyRole(params string[] roles) => roles.Any(IsInRole);
}

public static class ClaimsPrincipalExtensions
{
    public static Guid? GuidClaim(this ClaimsPrincipal p, string type) =>
        Guid.TryParse(p.FindFirstValue(type), out var g) ? g : null;
}

/// <summary>
/// Reads the principal of the HTTP request, or — inside an interactive Blazor circuit, where no
/// request exists — of the circuit's authentication state. A scope may also be given an explicit
/// principal (background jobs, the CLI, tests).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, IServiceProvider services) : ICurrentUser
{
    private ClaimsPrincipal? explicitPrincipal;

    public void Set(ClaimsPrincipal principal) => explicitPrincipal = principal;

    public ClaimsPrincipal Principal => explicitPrincipal ?? FromHttp() ?? FromCircuit() ?? new ClaimsPrincipal(new ClaimsIdentity());

    private ClaimsPrincipal? FromHttp()
    {
        var user = http.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true ? user : null;
    }

    private ClaimsPrincipal? FromCircuit()
    {
        if (services.GetService(typeof(AuthenticationStateProvider)) is not AuthenticationStateProvider provider) return null;
        try
        {
            var task = provider.GetAuthenticationStateAsync();
            // On the server the state is always an already-completed task; never block on anything else.
            return task.IsCompletedSuccessfully ? task.Result.User : null;
        }
        catch (InvalidOperationException)
        {
            return null; // outside a component render (plain endpoints) the provider has no state
        }
    }

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public Guid? UserId => Principal.GuidClaim(ClaimTypes.NameIdentifier);
    public string? UserName => Principal.Identity?.Name;
    public Guid? ZoneId => Principal.GuidClaim(PlatformClaims.ZoneId);
    public Guid? EnterpriseId => Principal.GuidClaim(PlatformClaims.EnterpriseId);
    public Guid? UnitId => Principal.GuidClaim(PlatformClaims.UnitId);
    public bool IsInRole(string role) => Principal.IsInRole(role);
}
