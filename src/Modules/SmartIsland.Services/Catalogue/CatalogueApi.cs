using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Services.Catalogue;

/// <summary>
/// The catalogue over REST for signed-in staff: the same use cases as the pages (<see cref="CatalogueService"/>,
/// <see cref="CatalogueTransfer"/>). The public guide has its own anonymous endpoints. Changes send the version they
/// read and a reason (query parameters); 409 when someone saved in between.
/// </summary>
internal static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalogue").WithTags("Catalogue").RequireAuthorization();

        api.MapGet("/items", async (string? search, Guid? departmentId, ItemKind? kind, bool? published, ItemSort? sort, bool? desc, int? page, int? pageSize,
                CatalogueService s, CancellationToken ct) =>
                TypedResults.Ok(await s.SearchItemsAsync(new ItemQuery(search, departmentId, kind, published, sort ?? ItemSort.Code, desc ?? false, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListCatalogueItems").WithSummary("Searches the zone's service items by name or code (paged), by department and kind.");

        api.MapGet("/items/{code}", async (string code, CatalogueService s, CancellationToken ct) => TypedResults.Ok(await s.GetItemAsync(code, ct)))
            .WithName("GetCatalogueItem").WithSummary("One item with every element and its materials, in the catalogue document's shape.");

        api.MapPost("/items", async (ItemEntry item, CatalogueService s, CancellationToken ct) =>
            {
                var created = await s.CreateItemAsync(item, ct);
                return TypedResults.Created($"/api/catalogue/items/{Uri.EscapeDataString(created.Item.Code)}", created);
            })
            .WithName("CreateCatalogueItem").WithSummary("Adds an item (the catalogue document's item shape); a problem names every bad field.");

        api.MapPut("/items/{code}", async (string code, ItemEntry item, int? version, string? reason, CatalogueService s, CancellationToken ct) =>
                TypedResults.Ok(await s.UpdateItemAsync(code, item, version, reason, ct)))
            .WithName("UpdateCatalogueItem").WithSummary("Changes an item: ?version= (as read) and ?reason= are required; 409 when someone saved first.");

        api.MapDelete("/items/{code}", async (string code, int? version, string? reason, CatalogueService s, CancellationToken ct) =>
                TypedResults.Ok(await s.RemoveItemAsync(code, version, reason, ct)))
            .WithName("RemoveCatalogueItem").WithSummary("Deletes an item nobody applied for; one with applications is unpublished instead (see the answer).");

        api.MapGet("/materials", async (string? search, CatalogueService s, CancellationToken ct) => TypedResults.Ok(await s.MaterialsAsync(search, ct)))
            .WithName("ListCatalogueMaterials").WithSummary("The canonical materials with the number of items that ask for each.");

        api.MapGet("/materials/{code}", async (string code, CatalogueService s, CancellationToken ct) => TypedResults.Ok(await s.GetMaterialAsync(code, ct)))
            .WithName("GetCatalogueMaterial");

        api.MapPost("/materials", async (MaterialEntry material, CatalogueService s, CancellationToken ct) =>
            {
                var created = await s.CreateMaterialAsync(material, ct);
                return TypedResults.Created($"/api/catalogue/materials/{Uri.EscapeDataString(created.Code)}", created);
            })
            .WithName("CreateCatalogueMaterial");

        api.MapPut("/materials/{code}", async (string code, MaterialEntry material, int? version, string? reason, CatalogueService s, CancellationToken ct) =>
                TypedResults.Ok(await s.UpdateMaterialAsync(code, material, version, reason, ct)))
            .WithName("UpdateCatalogueMaterial");

        api.MapGet("/bundles", async (CatalogueService s, CancellationToken ct) => TypedResults.Ok(await s.BundlesAsync(ct)))
            .WithName("ListCatalogueBundles").WithSummary("The one-thing bundles with their before/after material counts.");

        api.MapGet("/bundles/{code}", async (string code, CatalogueService s, CancellationToken ct) => TypedResults.Ok(await s.GetBundleAsync(code, ct)))
            .WithName("GetCatalogueBundle").WithSummary("A bundle's items and merged material list (de-duplicated by canonical material), before/after and the reduction.");

        api.MapPost("/bundles", async (BundleEntry bundle, CatalogueService s, CancellationToken ct) =>
            {
                var created = await s.CreateBundleAsync(bundle, ct);
                return TypedResults.Created($"/api/catalogue/bundles/{Uri.EscapeDataString(created.Bundle.Code)}", created);
            })
            .WithName("CreateCatalogueBundle");

        api.MapPut("/bundles/{code}", async (string code, BundleEntry bundle, int? version, string? reason, CatalogueService s, CancellationToken ct) =>
                TypedResults.Ok(await s.UpdateBundleAsync(code, bundle, version, reason, ct)))
            .WithName("UpdateCatalogueBundle");

        api.MapGet("/figures", async (CatalogueService s, CancellationToken ct) => TypedResults.Ok(await s.FiguresAsync(ct)))
            .WithName("CatalogueFigures").WithSummary("Counts, and the bundles' reduction over the published bundles (N 个一件事，材料 X → Y).");

        api.MapGet("/export", async (string? format, CatalogueTransfer transfer, HttpContext http, CancellationToken ct) =>
            {
                var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
                if (!xlsx && format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
                    throw new ValidationFailedException("format", "format is json or xlsx");
                using var buffer = new MemoryStream();
                await transfer.WriteAsync(xlsx ? CatalogueFormat.Xlsx : CatalogueFormat.Json, buffer, ct);
                http.Response.ContentType = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/json; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"catalogue-{DateTime.Now:yyyyMMdd-HHmm}.{(xlsx ? "xlsx" : "json")}\"";
                buffer.Position = 0;
                await buffer.CopyToAsync(http.Response.Body, ct);
            })
            .WithName("ExportCatalogue").WithSummary("The whole catalogue: format=json (the catalogue document) or xlsx (事项, 材料, 事项材料, 一件事).");

        // Machine clients only (bearer token or API key): a form post with the sign-in cookie would need antiforgery; the page imports directly.
        api.MapPost("/import", async Task<Results<Ok<CatalogueImportReport>, ProblemHttpResult>> (IFormFile? file, CatalogueTransfer transfer, CancellationToken ct) =>
            {
                if (file is null) throw new ValidationFailedException("file", "file is required (multipart/form-data field 'file')");
                if (file.Length > Catalogue.CatalogueRules.MaxUploadBytes) throw new PayloadTooLargeException("file", $"the file is larger than {CatalogueRules.MaxUploadBytes / 1024 / 1024} MB");
                await using var stream = file.OpenReadStream();
                var report = await transfer.ImportAsync(stream, file.FileName, ct);
                if (report.Written) return TypedResults.Ok(report);
                return TypedResults.Problem(
                    title: $"{report.Errors.Count} problem(s) in the file; nothing was imported",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?>
                    {
                        ["errors"] = report.Errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                        ["rows"] = report.Errors,
                    });
            })
            .DisableAntiforgery()
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = "Bearer,ApiKey" })
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(64L * 1024 * 1024))
            .WithName("ImportCatalogue").WithSummary("Imports a whole catalogue (JSON or .xlsx by content, ≤ 20 MB), upserting by code; any bad row: 400 with every problem, nothing stored.");

        return app;
    }
}
