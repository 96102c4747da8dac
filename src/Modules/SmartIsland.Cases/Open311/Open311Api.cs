using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SmartIsland.Access.Domain;
using SmartIsland.Cases.Data;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Cases.Resources;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;
using SmartIsland.Platform.Web;

namespace SmartIsland.Cases.Open311;

/// <summary>
/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at <c>/open311/v2</c>, for any Open311
/// client: discovery, services, service definitions, POST and GET service requests, tokens. The format is
/// the URL suffix (.xml, .json). Reads need no key (the spec); they are rate-limited per IP like the
/// platform's other public endpoints. A POST carries <c>api_key</c> in its form body and is not
/// IP-limited: it is a keyed machine client (ADR 0006). Refusals use the spec's error list, not RFC 7807.
/// </summary>
public static class Open311Api
{
    public const string Prefix = "/open311/v2";

    /// <summary>The header a client sends so that a retry never makes a second case.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The date this interface last changed (discovery's changeset).</summary>
    private static readonly DateTimeOffset Changeset = new(2026, 11, 25, 0, 0, 0, WorkingClock.ChinaOffset);

    public static IServiceCollection AddOpen311(this IServiceCollection services) =>
        services.AddScoped<Open311Reads>().AddScoped<Open311Zones>().AddSingleton<GroupCommit>();

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var open311 = app.MapGroup(Prefix).WithTags("Open311").AllowAnonymous();
        var reads = open311.MapGroup("").RequireRateLimiting(PlatformPolicies.PublicRateLimit);
        reads.MapGet("/discovery.{format}", Discovery).WithName("Open311Discovery");
        reads.MapGet("/services.{format}", (string format, HttpContext http, Open311Zones zones, Open311Reads o, CancellationToken ct) =>
            Run(format, async _ => await o.ServicesAsync(await zones.ForReadAsync(http, ct), ct))).WithName("Open311Services");
        reads.MapGet("/services/{code}.{format}", (string code, string format, HttpContext http, Open311Zones zones, Open311Reads o, CancellationToken ct) =>
            Run(format, async _ => await o.DefinitionAsync(await zones.ForReadAsync(http, ct), code, ct))).WithName("Open311ServiceDefinition");
        reads.MapGet("/requests.{format}", (string format, HttpContext http, Open311Zones zones, Open311Reads o, CancellationToken ct) =>
            Run(format, async _ =>
            {
                var zone = await zones.ForReadAsync(http, ct);
                return await o.RequestsAsync(zone, o.ParseQuery(k => http.Request.Query.TryGetValue(k, out var v) ? v.ToString() : null), ct);
            })).WithName("Open311Requests");
        reads.MapGet("/requests/{id}.{format}", (string id, string format, HttpContext http, Open311Zones zones, Open311Reads o, CancellationToken ct) =>
            Run(format, async _ =>
            {
                var zone = await zones.ForReadAsync(http, ct);
                var extensions = http.Request.Query["extensions"].ToString() is "true" or "1";
                var found = await o.RequestsAsync(zone, new RequestQuery([id.Trim().ToUpperInvariant()], null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null, 1, 1, extensions), ct);
                // "GET Service Request" answers a list of one; an unknown id is a 404.
                return ((Open311List)found.Body).Items.Count == 0 ? throw new NotFoundException($"service_request_id '{id}' was not found.") : found;
            })).WithName("Open311Request");
        reads.MapGet("/tokens/{token}.{format}", (string token, string format, HttpContext http, Open311Zones zones, Open311Reads o, CancellationToken ct) =>
            Run(format, async _ => await o.TokenAsync(await zones.ForReadAsync(http, ct), token, ct))).WithName("Open311Token");
        open311.MapPost("/requests.{format}", SubmitAsync).DisableAntiforgery().WithName("Open311Submit")
            .WithSummary("POST Service Request (form-encoded, api_key in the body); Idempotency-Key makes a retry safe.");
        RawInsertBaseline.MapIfEnabled(open311, app.ServiceProvider.GetRequiredService<IConfiguration>());
        return app;
    }

    private static Task<IResult> Discovery(string format, HttpContext http, IStringLocalizer<Open311Strings> l) =>
        Run(format, _ => Task.FromResult(new Open311Document("discovery", new Open311Object
        {
            { "changeset", Changeset },
            { "contact", l["Discovery_Contact"].Value },
            { "key_service", l["Discovery_KeyService"].Value },
            { "endpoints", new Open311List("endpoint",
            [
                new Open311Object
                {
                    { "specification", "http://wiki.open311.org/GeoReport_v2" },
                    { "url", $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Prefix}" },
                    { "changeset", Changeset },
                    { "type", "production" },
                    { "formats", new Open311List("format", ["text/xml", "application/json"]) },
                },
            ]) },
        })));

    private static Task<IResult> SubmitAsync(
        string format, HttpContext http, IApiKeyVerifier keys, IZoneList zones, CurrentUser current, CaseService cases, Open311Reads reads, GroupCommit groupCommit,
        CancellationToken ct) =>
        Run(format, async _ =>
        {
            if (!http.Request.HasFormContentType)
                throw new ValidationFailedException("body", "POST Service Request takes a form-encoded body (application/x-www-form-urlencoded).");
            var form = Open311Form.Read(await http.Request.ReadFormAsync(ct));
            if (form.ApiKey is null) throw new ForbiddenException("open311.api_key", "api_key was not provided.");
            var key = await keys.VerifyAsync(form.ApiKey, ct) ?? throw new ForbiddenException("open311.api_key", "api_key is invalid or revoked.");
            if (form.JurisdictionId is { } jurisdiction && await zones.FindAsync(jurisdiction, ct) != key.ZoneId)
                throw new ValidationFailedException("jurisdiction_id", $"jurisdiction_id '{jurisdiction}' is not the zone of this api_key.");
            if (form.Problems.Count > 0)
                throw new ValidationFailedException(form.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Problem).ToArray()));

            var retryKey = http.Request.Headers[IdempotencyHeader].ToString().Trim();
            if (retryKey.Length > 64) throw new ValidationFailedException(IdempotencyHeader, "At most 64 characters.");
            // Keys are unique per zone: the client's key id in front keeps two clients' keys apart.
            var idempotencyKey = retryKey.Length == 0 ? null : $"{key.Id:N}:{retryKey}";

            var submission = form.Submission;
            if (string.IsNullOrWhiteSpace(submission.Description))
                submission.Description = await DefaultDescriptionAsync(cases, key.ZoneId, submission, ct);
            // The client acts as itself (the key's name), in the key's zone: the timeline and the audit log say so.
            current.Set(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "open311:" + key.Name), new Claim(PlatformClaims.ZoneId, key.ZoneId.ToString())], "Open311")));
            var made = await cases.IntakeAsync(key.ZoneId, submission, CaseSource.Open311, idempotencyKey, [], ct, db => groupCommit.SaveAsync(db, current.Principal));
            if (made.Existing) http.Response.Headers["Idempotent-Replayed"] = "true";
            return new Open311Result(new Open311Document("service_requests", new Open311List("request",
            [
                new Open311Object
                {
                    { "service_request_id", made.TrackingCode },
                    { "token", made.Id.ToString() },
                    { "service_notice", reads.ServiceNotice(made.ResolutionDueAt) },
                    { "account_id", null },
                },
            ])), Open311FormatOf(format), made.Existing ? StatusCodes.Status200OK : StatusCodes.Status201Created);
        });

    /// <summary>The spec makes description optional; a case needs one, so it names what was reported (the category, else the service).</summary>
    private static async Task<string?> DefaultDescriptionAsync(CaseService cases, Guid zoneId, CaseSubmission submission, CancellationToken ct)
    {
        var type = (await cases.PublicTypesAsync(zoneId, ct)).FirstOrDefault(t => t.Code == submission.TypeCode);
        if (type is null) return null; // intake reports the unknown service_code
        var category = submission.Attributes?.GetValueOrDefault("category")?.FirstOrDefault();
        var named = type.Categories.FirstOrDefault(c => c.Code == category);
        return named is null ? type.Name : $"{type.Name}：{named.Name}";
    }

    private static Open311Format Open311FormatOf(string format) =>
        string.Equals(format, "json", StringComparison.OrdinalIgnoreCase) ? Open311Format.Json : Open311Format.Xml;

    /// <summary>Runs a handler in the requested format; every refusal becomes the spec's error list with its status.</summary>
    private static async Task<IResult> Run(string format, Func<Open311Format, Task<Open311Document>> read) =>
        await Run(format, async f => (IResult)new Open311Result(await read(f), f));

    private static async Task<IResult> Run(string format, Func<Open311Format, Task<IResult>> handle)
    {
        var f = Open311FormatOf(format);
        if (!string.Equals(format, "xml", StringComparison.OrdinalIgnoreCase) && f != Open311Format.Json)
            return Open311Errors.Of(Open311Format.Xml, 400, $"format '{format}' is not offered: use .xml or .json.");
        try
        {
            return await handle(f);
        }
        catch (ValidationFailedException v)
        {
            return Open311Errors.Of(f, 400, v.Errors.SelectMany(e => e.Value.Select(m => $"{Open311Form.FieldName(e.Key)}: {m}")).ToArray());
        }
        catch (PlatformException p)
        {
            return Open311Errors.Of(f, p.StatusCode, p.Message);
        }
        catch (BadHttpRequestException bad)
        {
            return Open311Errors.Of(f, 400, bad.Message);
        }
        catch (InvalidDataException bad)
        {
            return Open311Errors.Of(f, 400, "The form body could not be read: " + bad.Message);
        }
    }
}
