using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Platform.Problems;
using SmartIsland.Rules.Engine;
using SmartIsland.Rules.Features;

namespace SmartIsland.Rules.Api;

/// <summary>Rule sets over REST: read by any signed-in user (they are public texts); a zone's own versions kept by Admin.</summary>
public static class RulesApi
{
    /// <summary>A zone's version: the whole definition, the row version read (null for a new one) and why.</summary>
    public sealed record ZoneVersionRequest(JsonElement? Definition, int? RowVersion, string? Reason);

    public sealed record RuleSetResponse(RuleSetSummary Summary, RuleSetDefinition Definition);

    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rule-sets").WithTags("Rules").RequireAuthorization();

        api.MapGet("/", async (RuleSetCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ListAsync(ct)))
            .WithName("ListRuleSets").WithSummary("Every rule set of the zone (official and the zone's own), with the ones in force today marked.");

        api.MapGet("/facts", () => TypedResults.Ok(RuleSetLibrary.Facts))
            .WithName("ListDeclaredFacts").WithSummary("The facts an enterprise or staff declare with evidence, because the platform cannot know them.");

        api.MapGet("/{code}/{version}", async (string code, string version, RuleSetCatalog catalog, CancellationToken ct) =>
            {
                var (summary, definition) = await catalog.GetAsync(code, version, ct);
                return TypedResults.Ok(new RuleSetResponse(summary, definition));
            })
            .WithName("GetRuleSet").WithSummary("One rule set's definition: conditions, thresholds, scoring tables and their sources.");

        api.MapPut("/zone", async (ZoneVersionRequest request, RuleSetCatalog catalog, CancellationToken ct) =>
            {
                if (request.Definition is not { ValueKind: JsonValueKind.Object } definition)
                    throw new ValidationFailedException("definition", "definition is required (a rule set as a JSON object)");
                return TypedResults.Ok(await catalog.SaveZoneVersionAsync(definition.GetRawText(), request.RowVersion, request.Reason, ct));
            })
            .WithName("SaveZoneRuleSet").WithSummary("Adds or replaces the zone's own version of a rule set (Admin). Refused with the place of the error when it does not compile.");

        api.MapDelete("/zone/{code}/{version}", async (string code, string version, int? rowVersion, string? reason, RuleSetCatalog catalog, CancellationToken ct) =>
            {
                if (rowVersion is null) throw new ValidationFailedException("rowVersion", "rowVersion is required");
                await catalog.DeleteZoneVersionAsync(code, version, rowVersion.Value, reason, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteZoneRuleSet").WithSummary("Removes the zone's own version; the national version applies again.");
        return app;
    }
}
