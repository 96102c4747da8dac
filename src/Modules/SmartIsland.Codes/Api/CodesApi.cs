using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Codes.Domain;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Web;

namespace SmartIsland.Codes.Api;

/// <summary>Public code checks (issue 2 §9): no login, rate-limited per client.</summary>
public static class CodesApi
{
    public sealed record CodeCheckResponse(string Code, bool Valid, string? Reason, string? Detail, IReadOnlyList<string> Warnings);

    public static IEndpointRouteBuilder MapCodesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/codes").WithTags("Codes").AllowAnonymous().RequireRateLimiting(PlatformPolicies.PublicRateLimit);

        api.MapGet("/credit-code/{code}", (string code) => Respond(code, CreditCode.Check(code)))
            .WithName("CheckCreditCode").WithSummary("Checks a 统一社会信用代码 (GB 32100-2015).");

        // The number is personal data: the answer echoes it masked, and its detail (which would name
        // the birth date or address code) is left out; the reason alone says what is wrong.
        api.MapGet("/id-card/{number}", (string number, TimeProvider clock) =>
                Respond(Masking.IdCard(number), IdCardNumber.Check(number, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)) with { Detail = null }))
            .WithName("CheckIdCardNumber").WithSummary("Checks a 居民身份证号码 (GB 11643-1999).");

        return app;
    }

    private static Ok<CodeCheckResponse> Respond(string code, CodeCheck check) =>
        TypedResults.Ok(new CodeCheckResponse(
            code,
            check.Valid,
            check.Valid ? null : JsonNamingPolicy.CamelCase.ConvertName(check.Problem.ToString()),
            check.Detail,
            check.Warnings));
}
