using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using SmartIsland.Access.Api;
using SmartIsland.Access.Data;
using SmartIsland.Access.Domain;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Web;

namespace SmartIsland.Access;

public static class AccessModule
{
    /// <summary>The default scheme: picks bearer token, API key or the sign-in cookie from what the request carries.</summary>
    public const string SmartScheme = "smart";

    public static IServiceCollection AddAccessModule(this IServiceCollection services, string? configuredJwtKey, string dataDirectory)
    {
        services.AddSingleton<IModuleModel, AccessModel>();
        var signingKey = SigningKey.Load(configuredJwtKey, dataDirectory);
        services.AddSingleton(signingKey);
        services.AddSingleton<TokenIssuer>();
        services.AddScoped<IApiKeyVerifier, ApiKeyVerifier>().AddSingleton<ApiKeyCache>();

        services.AddIdentityCore<PlatformUser>(o =>
            {
                // Password policy for government staff accounts: long, mixed, checked at every change.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PlatformClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie, bearer token or API key", o => o.ForwardDefaultSelector = ctx =>
            {
                if (ctx.Request.Headers.ContainsKey(ApiKey.HeaderName)) return ApiKeyAuthenticationHandler.SchemeName;
                var authz = ctx.Request.Headers.Authorization.ToString();
                return authz.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? JwtBearerDefaults.AuthenticationScheme : IdentityConstants.ApplicationScheme;
            })
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenIssuer.Issuer,
                    ValidAudience = TokenIssuer.Audience,
                    IssuerSigningKey = signingKey.Key,
                    NameClaimType = ClaimTypes.Name,
                    RoleClaimType = ClaimTypes.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "smartisland.auth";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, 401);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, 403);
            }));

        // Token lifetimes are judged by the same clock that issued them (the platform's TimeProvider).
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, clock) =>
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore <= now.AddMinutes(1)) && expires is not null && expires > now.AddMinutes(-1);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformPolicies.Staff, p => p.RequireRole([.. Roles.Staff]))
            .AddPolicy(PlatformPolicies.Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }

    /// <summary>API callers get a status code, people get the sign-in page.</summary>
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapAccessModule(this IEndpointRouteBuilder app) => app.MapAccessApi();
}
