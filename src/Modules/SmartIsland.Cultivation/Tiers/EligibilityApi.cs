using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>Eligibility over REST (issue 4 §9): an enterprise's standing by credit code, and a profile evaluated without storing it.</summary>
public static class EligibilityApi
{
    public static IEndpointRouteBuilder MapEligibilityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enterprises/{creditCode}/eligibility", async (string creditCode, int? year, string? ruleSet, EligibilityService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ForCreditCodeAsync(creditCode, year, ruleSet, ct)))
            .RequireAuthorization().WithTags("Eligibility")
            .WithName("GetEnterpriseEligibility")
            .WithSummary("Every tier rule set in force today for one enterprise of the zone: outcome, score, and per criterion the value, threshold, gap and source.")
            .WithDescription("`year` is the year of the figures (default: last year); `ruleSet` narrows to one code (techSme, hnte, innovativeSme, srdiSme, littleGiant). An enterprise user sees only its own enterprise; another zone's enterprise is not found.")
            .AddOpenApiOperationTransformer((op, _, _) =>
            {
                Example(op, "200", ResponseExample);
                return Task.CompletedTask;
            });

        app.MapPost("/api/eligibility/evaluate", async (EvaluationRequest request, EligibilityService service, CancellationToken ct) =>
                TypedResults.Ok(await service.EvaluateAsync(request, ct)))
            .RequireAuthorization().WithTags("Eligibility")
            .WithName("EvaluateEligibility")
            .WithSummary("Evaluates an enterprise profile sent in the body against the rule sets in force; nothing is stored.")
            .WithDescription("Impossible figures (negative values, tech staff above all staff, R&D above total cost …) are refused with a problem naming the field, e.g. `years[0].techStaff`. Missing figures or undeclared facts are not errors: the result says NeedsConfirmation and lists what is missing.")
            .AddOpenApiOperationTransformer((op, _, _) =>
            {
                if (op.RequestBody?.Content?.TryGetValue("application/json", out var body) == true) body.Example = JsonNode.Parse(RequestExample);
                Example(op, "200", ResponseExample);
                return Task.CompletedTask;
            });
        return app;
    }

    private static void Example(OpenApiOperation op, string status, string json)
    {
        if (op.Responses?.TryGetValue(status, out var response) == true && response.Content?.TryGetValue("application/json", out var media) == true)
            media.Example = JsonNode.Parse(json);
    }

    private const string RequestExample = """
        {
          "asOf": "2026-11-25",
          "registeredOn": "2018-03-01",
          "ruleSets": ["techSme"],
          "years": [
            { "year": 2025, "revenue": 10000000, "rdExpense": 600000, "totalCost": 8000000, "totalAssets": 20000000,
              "employees": 100, "techStaff": 30, "inventionPatents": 0, "utilityModelPatents": 2 }
          ],
          "qualifications": [],
          "facts": { "resident": "true", "permittedIndustry": "true", "techSme.cleanRecord": "true" }
        }
        """;

    private const string ResponseExample = """
        {
          "asOf": "2026-11-25",
          "year": 2025,
          "results": [
            {
              "code": "techSme", "version": "2017", "title": { "zh": "科技型中小企业", "en": "Technology-based SME" },
              "outcome": "Eligible", "conditionsMet": true,
              "score": { "low": 82, "high": 82, "passMark": 60, "automaticPass": true, "passed": true },
              "conditions": [
                { "key": "employees", "title": { "zh": "职工总数不超过500人", "en": "At most 500 staff" },
                  "cite": "国科发政〔2017〕115号 第六条（二）", "formula": "employees", "unit": "people", "op": "<=",
                  "value": 100, "threshold": 500, "met": true, "missing": [] }
              ],
              "closeness": 1, "missing": []
            }
          ]
        }
        """;
}
