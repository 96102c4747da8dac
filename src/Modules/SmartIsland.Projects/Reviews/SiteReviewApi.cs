using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Platform.Web;

namespace SmartIsland.Projects.Reviews;

/// <summary>Site reviews (观摩评比) over REST: rounds, project and park score sheets (ETag / If-Match), closing with the rankings, history.</summary>
public static class SiteReviewApi
{
    public static IEndpointRouteBuilder MapSiteReviewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects/reviews").WithTags("Site reviews").RequireAuthorization();

        api.MapGet("/", async (SiteReviewService reviews, CancellationToken ct) => TypedResults.Ok(await reviews.RoundsAsync(ct)))
            .WithName("ListSiteReviews");

        api.MapPost("/", async Task<Created<RoundSummary>> (RoundInput input, SiteReviewService reviews, CancellationToken ct) =>
            {
                var round = await reviews.CreateAsync(input, ct);
                return TypedResults.Created($"/api/projects/reviews/{round.Id}", round);
            })
            .WithName("OpenSiteReview").WithSummary("Opens the month's review with the projects on its route (codes); one round per month.");

        api.MapGet("/{id:guid}", async (Guid id, SiteReviewService reviews, HttpContext http, CancellationToken ct) =>
            {
                var view = await reviews.GetAsync(id, ct);
                Versions.SetETag(http, view.Round.Version);
                return TypedResults.Ok(view);
            })
            .WithName("GetSiteReview").WithSummary("The round: each project's sheets so far and marks; after closing, the project and park rankings.");

        api.MapPut("/{id:guid}/sheets/{projectCode}", async (Guid id, string projectCode, SheetInput input, SiteReviewService reviews, HttpContext http, CancellationToken ct) =>
            {
                var sheet = await reviews.SaveSheetAsync(id, projectCode, input, Versions.IfMatch(http), ct);
                Versions.SetETag(http, sheet.Version);
                return TypedResults.Ok(sheet);
            })
            .WithName("SaveSiteReviewSheet").WithSummary("The signed-in reviewer's sheet for one project: progress ≤ 40, investment ≤ 30, quality ≤ 15, safety ≤ 15.");

        api.MapPut("/{id:guid}/park-sheets/{parkId:guid}", async (Guid id, Guid parkId, ParkSheetInput input, SiteReviewService reviews, HttpContext http, CancellationToken ct) =>
            {
                var sheet = await reviews.SaveParkSheetAsync(id, parkId, input, Versions.IfMatch(http), ct);
                Versions.SetETag(http, sheet.Version);
                return TypedResults.Ok(sheet);
            })
            .WithName("SaveSiteReviewParkSheet")
            .WithSummary("The signed-in reviewer's sheet for a park with projects on the route: planning ≤ 30, support ≤ 25, environment ≤ 25, organisation ≤ 20.");

        api.MapGet("/{id:guid}/park-sheets/{parkId:guid}", async (Guid id, Guid parkId, SiteReviewService reviews, HttpContext http, CancellationToken ct) =>
            {
                var sheet = await reviews.ParkSheetAsync(id, parkId, ct);
                Versions.SetETag(http, sheet.Version);
                return TypedResults.Ok(sheet);
            })
            .WithName("GetSiteReviewParkSheet").WithSummary("The signed-in reviewer's park sheet (404 when none); every park's marks are in the round.");

        api.MapPost("/{id:guid}/close", async (Guid id, SiteReviewService reviews, HttpContext http, CancellationToken ct) =>
            {
                var view = await reviews.CloseAsync(id, Versions.IfMatch(http), ct);
                Versions.SetETag(http, view.Round.Version);
                return TypedResults.Ok(view);
            })
            .WithName("CloseSiteReview").WithSummary("Ranks the projects (trimmed mean of the sheets) and the parks (projects' mean, combined with the park sheets when there are any) with the scoring engine; the sheets become final.");

        api.MapGet("/history/{unitId:guid}", async (Guid unitId, bool? park, SiteReviewService reviews, CancellationToken ct) =>
                TypedResults.Ok(await reviews.HistoryAsync(unitId, park ?? false, ct)))
            .WithName("SiteReviewHistory").WithSummary("A project's (or with park=true a park's) score, rank and grade in each closed month.");
        return app;
    }
}
