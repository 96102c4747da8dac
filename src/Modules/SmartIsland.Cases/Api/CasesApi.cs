using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SmartIsland.Cases.Domain;
using SmartIsland.Cases.Features;
using SmartIsland.Platform.Data;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Cases.Api;

/// <summary>
/// Cases over REST. Reads carry an ETag (the case's version); a write may send If-Match with it and gets
/// 412 when someone acted in between — the HTTP form of the platform's optimistic concurrency.
/// </summary>
public static class CasesApi
{
    public sealed record CaseTypeView(string Code, CaseKind Kind, string Name, string NameEn);

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();

        api.MapGet("/types", async (IDbContextFactory<PlatformDbContext> dbs, CancellationToken ct) =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            return TypedResults.Ok(await db.Set<CaseType>().AsNoTracking().OrderBy(t => t.Code)
                .Select(t => new CaseTypeView(t.Code, t.Kind, t.Name, t.NameEn)).ToListAsync(ct));
        }).WithName("ListCaseTypes");

        api.MapGet("/", async (CaseState? state, bool? overdue, bool? mine, string? search, int? page, int? pageSize, CaseService cases, CancellationToken ct) =>
            TypedResults.Ok(await cases.ListAsync(new CaseQuery(state, overdue ?? false, mine ?? false, search, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListCases").WithSummary("Work queue: the zone's cases for staff (mine=true: assigned to me), a requester's own otherwise.");

        api.MapPost("/", async (CaseSubmission input, CaseService cases, HttpContext http, CancellationToken ct) =>
        {
            var created = await cases.SubmitAsync(input, null, ct);
            SetETag(http, created.Version);
            return TypedResults.Created($"/api/cases/{created.Id}", created);
        }).WithName("SubmitCase").WithSummary("Submits a case; deadlines are set from the type's policy on the working-day calendar.");

        api.MapGet("/{id:guid}", async (Guid id, CaseService cases, HttpContext http, CancellationToken ct) =>
        {
            var view = await cases.GetAsync(id, ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("GetCase");

        api.MapPost("/{id:guid}/actions/{action}", async (Guid id, CaseAction action, CaseActionRequest? request, CaseService cases, HttpContext http, CancellationToken ct) =>
        {
            var view = await cases.ActAsync(id, action, request ?? new CaseActionRequest(), IfMatch(http), ct);
            SetETag(http, view.Version);
            return TypedResults.Ok(view);
        }).WithName("ActOnCase").WithSummary("Takes a workflow action (Accept, Assign, Start, Resolve, Verify, Close, Reject, Transfer, …); refused with 403 citing the rule when the role may not.");

        return app;
    }

    private static void SetETag(HttpContext http, int version) => http.Response.Headers.ETag = $"\"{version}\"";

    private static int? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        var value = header.Trim().Replace("W/", "", StringComparison.Ordinal).Trim('"');
        return int.TryParse(value, out var v) ? v : throw new ValidationFailedException("If-Match", "If-Match carries the ETag of the case as read, e.g. \"3\".");
    }
}
