using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartIsland.Access.Domain;
using SmartIsland.Access.Resources;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Platform.Web;

namespace SmartIsland.Access.Api;

public static class AccessApi
{
    public static readonly string[] Cultures = ["zh-CN", "en-US"];

    public sealed record TokenRequest(string? UserName, string? Password);
    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
    public sealed record ApiKeyRequest(string? Name, string[]? Roles);
    public sealed record ApiKeyView(Guid Id, string Name, string Prefix, string[] Roles, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
    public sealed record NewApiKey(Guid Id, string Name, string Key);

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Access");
        auth.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(PlatformPolicies.PublicRateLimit)
            .WithName("IssueToken").WithSummary("Exchanges a user name and password for a bearer token (8 hours).");

        var keys = app.MapGroup("/api/api-keys").WithTags("Access").RequireAuthorization(PlatformPolicies.Admin);
        keys.MapGet("/", ListKeysAsync).WithName("ListApiKeys");
        keys.MapPost("/", CreateKeyAsync).WithName("CreateApiKey").WithSummary("Makes a key for a machine client; the key is shown only in this response.");
        keys.MapDelete("/{id:guid}", RevokeKeyAsync).WithName("RevokeApiKey");

        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", SignInAsync).AllowAnonymous().RequireRateLimiting(PlatformPolicies.PublicRateLimit);
        // The layout's sign-out form carries an antiforgery token; this makes the endpoint check it.
        account.MapPost("/logout", async (SignInManager<PlatformUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        account.MapGet("/culture", SetCultureAsync).AllowAnonymous();
        return app;
    }

    /// <summary>The same checks as the sign-in form (password, lockout), then the same claims as the cookie, as a bearer token.</summary>
    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, SignInManager<PlatformUser> signIn, TokenIssuer tokens, IStringLocalizer<AccessStrings> l, IDbContextFactory<PlatformDbContext> dbs)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors.Add("userName", l["UserNameRequired"]);
        if (string.IsNullOrWhiteSpace(request.Password)) errors.Add("password", l["PasswordRequired"]);
        errors.ThrowIfAny();
        var user = await signIn.UserManager.FindByNameAsync(request.UserName!.Trim())
            ?? throw new ValidationFailedException("password", l["SignInFailed"]);
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut) throw new ValidationFailedException("userName", l["LockedOut"]);
        if (!result.Succeeded) throw new ValidationFailedException("password", l["SignInFailed"]);
        await RecordSignInAsync(dbs, user, "token");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var (token, expires) = tokens.Issue(principal.Claims);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expires));
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<PlatformUser> signIn, HttpContext http, IDbContextFactory<PlatformDbContext> dbs)
    {
        var back = IsLocal(returnUrl) ? returnUrl! : "/";
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password))
            return Results.LocalRedirect($"/account/login?error=required&returnUrl={Uri.EscapeDataString(back)}");
        var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut) return Results.LocalRedirect($"/account/login?error=locked&returnUrl={Uri.EscapeDataString(back)}");
        if (!result.Succeeded) return Results.LocalRedirect($"/account/login?error=failed&returnUrl={Uri.EscapeDataString(back)}");
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is not null) await RecordSignInAsync(dbs, user, "cookie");
        WriteCultureCookie(http, user?.Culture ?? Cultures[0]);
        return Results.LocalRedirect(back);
    }

    private static async Task<IResult> SetCultureAsync(string? culture, string? returnUrl, HttpContext http, UserManager<PlatformUser> users, ICurrentUser current)
    {
        var chosen = Cultures.Contains(culture) ? culture! : Cultures[0];
        WriteCultureCookie(http, chosen);
        if (current.UserId is { } id && await users.FindByIdAsync(id.ToString()) is { } user && user.Culture != chosen)
        {
            user.Culture = chosen;
            await users.UpdateAsync(user);
        }
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>A successful sign-in is an exercise of access: it goes into the audit log of the user's zone.</summary>
    private static async Task RecordSignInAsync(IDbContextFactory<PlatformDbContext> dbs, PlatformUser user, string how)
    {
        await using var db = await dbs.CreateDbContextAsync();
        db.UseZone(user.ZoneId).RecordAction("SignIn", nameof(PlatformUser), user.Id.ToString(), details: new { how }, actor: user);
        await db.SaveChangesAsync();
    }

    internal static void WriteCultureCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = false, SameSite = SameSiteMode.Lax });

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl);

    private static async Task<Ok<List<ApiKeyView>>> ListKeysAsync(IDbContextFactory<PlatformDbContext> dbs)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var keys = await db.Set<ApiKey>().AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync();
        return TypedResults.Ok(keys.Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), k.CreatedAt, k.RevokedAt)).ToList());
    }

    private static async Task<Created<NewApiKey>> CreateKeyAsync(ApiKeyRequest request, IDbContextFactory<PlatformDbContext> dbs, TimeProvider clock, IStringLocalizer<AccessStrings> l)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100) errors.Add("name", l["KeyNameInvalid"]);
        var roles = request.Roles ?? [];
        if (roles.Length == 0 || roles.Any(r => !Roles.All.Contains(r)) || roles.Contains(Roles.Admin)) errors.Add("roles", l["KeyRolesInvalid"]);
        errors.ThrowIfAny();
        var secret = ApiKey.NewSecret();
        var key = new ApiKey
        {
            Name = request.Name!.Trim(),
            Prefix = secret[..8],
            KeyHash = ApiKey.Hash(secret),
            Roles = string.Join(',', roles.Distinct()),
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await dbs.CreateDbContextAsync();
        db.Add(key);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/api-keys/{key.Id}", new NewApiKey(key.Id, key.Name, secret));
    }

    private static async Task<NoContent> RevokeKeyAsync(Guid id, IDbContextFactory<PlatformDbContext> dbs, TimeProvider clock, IStringLocalizer<AccessStrings> l, ApiKeyCache verified)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id) ?? throw new NotFoundException(l["KeyNotFound"]);
        key.RevokedAt ??= clock.GetUtcNow();
        db.AuditReason = "API key revoked";
        await db.SaveChangesAsync();
        verified.Clear(); // Open311 stops taking it on this node at once
        return TypedResults.NoContent();
    }
}
