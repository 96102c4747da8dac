using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;

namespace SmartIsland.Access.Domain;

/// <summary>Signs a machine client in from the <c>X-Api-Key</c> header: the key's zone and roles, never a person's.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<PlatformDbContext> dbs)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKey.HeaderName, out var values) || values.Count == 0) return AuthenticateResult.NoResult();
        var hash = ApiKey.Hash(values[0] ?? "");
        await using var db = await dbs.CreateDbContextAsync(Context.RequestAborted);
        // Keys are found by hash before any zone is known: lift the zone filter for this one lookup.
        var key = await db.Set<ApiKey>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash, Context.RequestAborted);
        if (key is null || key.RevokedAt is not null) return AuthenticateResult.Fail("unknown or revoked API key");
        // A key without roles (the Open311 demo key) only submits Open311 requests: it signs nobody in.
        if (string.IsNullOrWhiteSpace(key.Roles)) return AuthenticateResult.Fail("this API key has no roles: it serves Open311 only");
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, "apikey:" + key.Name),
            new(PlatformClaims.ZoneId, key.ZoneId.ToString()),
            new(PlatformClaims.DisplayName, key.Name),
        };
        claims.AddRange(key.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
