using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Web;

namespace SmartIsland.Cultivation.Policies;

/// <summary>Policies and 免申即享 over REST: the same use cases as the pages (<see cref="PolicyService"/>).</summary>
public static class PoliciesApi
{
    /// <summary>
    /// A policy as sent: <c>conditions</c> is a rule set definition (a JSON object, or the same as a string),
    /// <c>rowVersion</c> and <c>reason</c> are needed to change an existing one.
    /// </summary>
    public sealed record PolicyRequest(
        string? Slug, string? Title, string? TitleEn, Guid? DepartmentId, string? Document, int? Year, decimal? Budget,
        JsonElement? Conditions, string? AmountFormula, string? Note, int? RowVersion, string? Reason)
    {
        public PolicyInput ToInput() => new(Slug, Title, TitleEn, DepartmentId, Document, Year, Budget, Json(Conditions), AmountFormula, Note);
    }

    public sealed record StatusRequest(int? RowVersion, string? Reason);

    public sealed record PreviewBody(JsonElement? Conditions, string? AmountFormula, int? Year, Guid? EnterpriseId);

    /// <summary>The entitlement's version as read; If-Match with its ETag does the same.</summary>
    public sealed record AcknowledgeRequest(int? RowVersion);

    public sealed record EnterprisePolicies(IReadOnlyList<EntitlementView> Entitlements, IReadOnlyList<CloseToView> CloseTo);

    internal static string? Json(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } o => o.GetRawText(),
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        _ => throw new ValidationFailedException("conditions", "conditions must be a rule set definition (a JSON object)"),
    };

    public static IEndpointRouteBuilder MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/policies").WithTags("Policies").RequireAuthorization();

        api.MapGet("/", async (string? search, PolicyStatus? status, int? page, int? pageSize, PolicyService s, CancellationToken ct) =>
                TypedResults.Ok(await s.SearchAsync(new PolicyQuery(search, status, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListPolicies").WithSummary("The zone's policies (paged) with how many enterprises are entitled and the amount.");

        api.MapGet("/{id:guid}", async (Guid id, PolicyService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)))
            .WithName("GetPolicy");

        api.MapPost("/", async (PolicyRequest r, PolicyService s, CancellationToken ct) =>
            {
                var created = await s.CreateAsync(r.ToInput(), ct);
                return TypedResults.Created($"/api/policies/{created.Summary.Id}", created);
            })
            .WithName("CreatePolicy").WithSummary("Creates a draft policy. Conditions and the amount formula are checked: a problem names the field and the place.");

        api.MapPut("/{id:guid}", async (Guid id, PolicyRequest r, PolicyService s, CancellationToken ct) =>
                TypedResults.Ok(await s.UpdateAsync(id, r.ToInput(), r.RowVersion, r.Reason, ct)))
            .WithName("UpdatePolicy").WithSummary("Changes a policy (rowVersion and reason required; 409 when someone saved first).");

        api.MapPost("/{id:guid}/publish", async (Guid id, StatusRequest r, PolicyService s, CancellationToken ct) =>
            {
                var (policy, run) = await s.PublishAsync(id, r.RowVersion, ct);
                return TypedResults.Ok(new { policy, run });
            })
            .WithName("PublishPolicy").WithSummary("Publishes a draft and at once finds every entitled enterprise (免申即享).");

        api.MapPost("/{id:guid}/close", async (Guid id, StatusRequest r, PolicyService s, CancellationToken ct) =>
                TypedResults.Ok(await s.CloseAsync(id, r.RowVersion, r.Reason, ct)))
            .WithName("ClosePolicy");

        api.MapPost("/{id:guid}/run", async (Guid id, PolicyService s, CancellationToken ct) => TypedResults.Ok(await s.FindEntitledAsync(id, ct)))
            .WithName("FindEntitled").WithSummary("Evaluates every enterprise of the zone: Eligible ones are entitled with the computed amount, undecided ones listed to confirm. Never a second entitlement for the same enterprise.");

        api.MapGet("/{id:guid}/entitlements", async (Guid id, EntitlementStatus? status, PolicyService s, CancellationToken ct) =>
                TypedResults.Ok(await s.EntitlementsAsync(id, status, ct)))
            .WithName("ListEntitlements");

        api.MapPost("/{id:guid}/entitlements/{entitlementId:guid}/{step}", async (Guid id, Guid entitlementId, string step, EntitlementAction a, PolicyService s, CancellationToken ct) =>
                TypedResults.Ok(step switch
                {
                    "confirm" => await s.ConfirmAsync(id, entitlementId, a, ct),
                    "reject" => await s.RejectAsync(id, entitlementId, a, ct),
                    "notify" => await s.NotifyAsync(id, entitlementId, a, ct),
                    "pay" => await s.PayAsync(id, entitlementId, a, ct),
                    _ => throw new NotFoundException($"unknown step '{step}' (confirm, reject, notify, pay)"),
                }))
            .WithName("EntitlementStep").WithSummary("confirm (amount; a note when it was to confirm), reject (reason), notify, pay (amount, paidOn, voucherNumber; a reason when the amount differs).");

        api.MapPost("/{id:guid}/entitlements/{entitlementId:guid}/acknowledge", async (Guid id, Guid entitlementId, AcknowledgeRequest? r, PolicyService s, HttpContext http, CancellationToken ct) =>
            {
                var view = await s.AcknowledgeAsync(id, entitlementId, r?.RowVersion, Versions.IfMatch(http), ct);
                Versions.SetETag(http, view.RowVersion);
                return TypedResults.Ok(view);
            })
            .WithName("AcknowledgeEntitlement")
            .WithSummary("知道了: the enterprise's own user acknowledges the notice of a notified (or paid) entitlement; staff then see when. Send the version read (rowVersion, or If-Match: a stale one is 412); a second acknowledgement keeps the first time.");

        api.MapGet("/{id:guid}/ledger", async (Guid id, PolicyService s, HttpContext http, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await s.WriteLedgerAsync(id, buffer, ct);
                http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"policy-ledger-{id:N}.xlsx\"";
                buffer.Position = 0;
                await buffer.CopyToAsync(http.Response.Body, ct);
            })
            .WithName("PolicyLedger").WithSummary("The policy's ledger (台账) as .xlsx.");

        api.MapPost("/preview", async (PreviewBody b, PolicyService s, CancellationToken ct) =>
                TypedResults.Ok(await s.PreviewAsync(new PreviewRequest(Json(b.Conditions), b.AmountFormula, b.Year, b.EnterpriseId), ct)))
            .WithName("PreviewPolicy").WithSummary("Tries conditions and an amount formula on one enterprise; nothing is stored.");

        api.MapGet("/enterprises/{enterpriseId:guid}", async (Guid enterpriseId, PolicyService s, CancellationToken ct) =>
                TypedResults.Ok(new EnterprisePolicies(await s.EntitlementsOfEnterpriseAsync(enterpriseId, ct), await s.CloseToAsync(enterpriseId, ct))))
            .WithName("EnterprisePolicies").WithSummary("What an enterprise gets (its user sees notified and paid entitlements only) and the published policies it is close to, with the gaps.");
        return app;
    }
}
