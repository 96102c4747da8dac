using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using SmartIsland.Licences.Features;
using SmartIsland.Platform.Web;

namespace SmartIsland.Licences.Api;

/// <summary>Licences over REST: public verification for machines, the certificate PDF, the register for staff.</summary>
public static class LicencesApi
{
    public sealed record RevokeRequest(string? Reason, int? RowVersion);

    /// <summary>The public answer: outcome and what the certificate says, without personal data.</summary>
    public sealed record VerificationBody(
        string Number, string Outcome, string? TypeCode, string? TypeName, string? HolderKind, string? HolderName, string? HolderCreditCode,
        DateOnly? ValidFrom, DateOnly? ValidUntil, string? IssuingBody, DateOnly? RevokedOn, string? RevokedReason);

    /// <summary>The verification address's base: <c>PublicBaseUrl</c> when set (behind a proxy), else the request's own.</summary>
    public static string PublicBase(HttpContext http, IConfiguration config) =>
        config["PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    public static IEndpointRouteBuilder MapLicencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/licences").WithTags("Licences");

        api.MapGet("/verify/{number}", async (string number, LicenceService s, CancellationToken ct) =>
            {
                var v = await s.VerifyAsync(number, ct);
                // A person's name stays out of the machine answer altogether (the page shows it masked).
                var person = v.HolderKind == Domain.HolderKind.Person;
                return TypedResults.Ok(new VerificationBody(v.Number, v.Outcome.ToString(), v.TypeCode, v.TypeName, v.HolderKind?.ToString(),
                    person ? null : v.HolderName, v.HolderCreditCode, v.ValidFrom, v.ValidUntil, v.IssuingBody, v.RevokedOn, v.RevokedReason));
            })
            .AllowAnonymous().RequireRateLimiting(PlatformPolicies.PublicRateLimit)
            .WithName("VerifyLicence")
            .WithSummary("Public: Valid, Revoked, Expired, NotYetValid, NotFound, or InvalidNumber (a platform number whose check character does not hold: mistyped or altered).");

        api.MapGet("/{number}/pdf", async (string number, HttpContext http, IConfiguration config, LicenceService s, CancellationToken ct) =>
            {
                var (n, pdf) = await s.CertificateAsync(number, PublicBase(http, config), ct);
                return TypedResults.File(pdf, "application/pdf", $"licence-{n}.pdf");
            })
            .RequireAuthorization()
            .WithName("LicencePdf").WithSummary("The certificate as PDF with its verification QR code: zone staff, and the holder's own enterprise account.");

        api.MapGet("/", async (string? search, string? type, int? page, int? pageSize, LicenceService s, CancellationToken ct) =>
                TypedResults.Ok(await s.SearchAsync(new LicenceQuery(search, type, page ?? 1, pageSize ?? 20), ct)))
            .RequireAuthorization()
            .WithName("ListLicences").WithSummary("The zone's licence register (Admin, DepartmentStaff): search by number or holder, paged.");

        api.MapGet("/types", async (ILicenceRegistry r, CancellationToken ct) => TypedResults.Ok(await r.TypesAsync(ct)))
            .RequireAuthorization()
            .WithName("LicenceTypes");

        api.MapPost("/{number}/revoke", async (string number, RevokeRequest r, LicenceService s, CancellationToken ct) =>
                TypedResults.Ok(await s.RevokeAsync(number, r.Reason, r.RowVersion, ct)))
            .RequireAuthorization()
            .WithName("RevokeLicence").WithSummary("Revokes a platform certificate (Admin, DepartmentStaff; reason required, audited).");

        return app;
    }
}
