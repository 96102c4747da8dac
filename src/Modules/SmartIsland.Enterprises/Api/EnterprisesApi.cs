using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Enterprises.Domain;
using SmartIsland.Enterprises.Features;

namespace SmartIsland.Enterprises.Api;

/// <summary>The registry over REST: the same use cases as the pages (<see cref="EnterpriseRegistry"/>).</summary>
public static class EnterprisesApi
{
    public static IEndpointRouteBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("Enterprises").RequireAuthorization();

        api.MapGet("/", async (string? search, Guid? parkId, string? industryCode, QualificationKind? qualification,
                EnterpriseSort? sort, bool? desc, int? page, int? pageSize, EnterpriseRegistry registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.SearchAsync(new EnterpriseQuery(search, parkId, industryCode, qualification,
                sort ?? EnterpriseSort.Name, desc ?? false, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListEnterprises").WithSummary("Searches the zone's enterprises (paged).");

        api.MapGet("/export", async (string? search, Guid? parkId, string? industryCode, QualificationKind? qualification,
                EnterpriseSort? sort, bool? desc, EnterpriseExport export, HttpContext http, CancellationToken ct) =>
            {
                http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"enterprises-{DateTime.Now:yyyyMMdd-HHmm}.xlsx\"";
                using var buffer = new MemoryStream();
                await export.WriteAsync(new EnterpriseQuery(search, parkId, industryCode, qualification, sort ?? EnterpriseSort.Name, desc ?? false), buffer, ct);
                buffer.Position = 0;
                await buffer.CopyToAsync(http.Response.Body, ct);
            })
            .WithName("ExportEnterprises").WithSummary("The filtered list as an .xlsx ledger (masked as on screen).");

        api.MapGet("/import/template", async (bool? english, EnterpriseImport import, HttpContext http, CancellationToken ct) =>
            {
                http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"enterprise-ledger-template.xlsx\"";
                using var buffer = new MemoryStream();
                await import.WriteTemplateAsync(buffer, english ?? System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal), ct);
                buffer.Position = 0;
                await buffer.CopyToAsync(http.Response.Body, ct);
            })
            .WithName("EnterpriseImportTemplate").WithSummary("The empty .xlsx template of the enterprise ledger.");

        // Machine clients only (bearer token or API key): a form post with the sign-in cookie would need antiforgery.
        api.MapPost("/import", async Task<Results<Ok<ImportReport>, ProblemHttpResult>> (IFormFile? file, ImportMode? mode, EnterpriseImport import, CancellationToken ct) =>
            {
                if (file is null) throw new SmartIsland.Platform.Problems.ValidationFailedException("file", "file is required (multipart/form-data field 'file')");
                if (file.Length > EnterpriseImport.MaxBytes) throw new SmartIsland.Platform.Problems.PayloadTooLargeException("file", $"the file is larger than {EnterpriseImport.MaxBytes / 1024 / 1024} MB");
                await using var stream = file.OpenReadStream();
                var report = await import.ImportAsync(stream, file.FileName, mode ?? ImportMode.AllOrNothing, null, ct);
                if (report.Written) return TypedResults.Ok(report);
                return TypedResults.Problem(
                    title: $"{report.Errors.Count} problem(s) in the file; nothing was imported",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?>
                    {
                        ["errors"] = new Dictionary<string, string[]> { ["file"] = report.Errors.Select(e => $"row {e.Row}, {e.Column}: {e.Reason}").ToArray() },
                        ["rows"] = report.Errors,
                    });
            })
            .DisableAntiforgery()
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = "Bearer,ApiKey" })
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(64L * 1024 * 1024))
            .WithName("ImportEnterprises").WithSummary("Imports the ledger (.xlsx, ≤ 20 MB). mode=AllOrNothing (default) or ValidRowsOnly.");

        api.MapGet("/{id:guid}", async (Guid id, EnterpriseRegistry registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.GetAsync(id, ct)))
            .WithName("GetEnterprise");

        api.MapPost("/", async Task<Created<EnterpriseDetail>> (EnterpriseInput input, EnterpriseRegistry registry, CancellationToken ct) =>
            {
                var created = await registry.CreateAsync(input, ct);
                return TypedResults.Created($"/api/enterprises/{created.Id}", created);
            })
            .WithName("CreateEnterprise").WithSummary("Registers an enterprise; 409 if its credit code is already registered.");

        api.MapPut("/{id:guid}", async (Guid id, EnterpriseInput input, string? reason, EnterpriseRegistry registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.UpdateAsync(id, input, reason, ct)))
            .WithName("UpdateEnterprise").WithSummary("Edits an enterprise; send the version you read, 409 if someone saved in between.");

        api.MapPost("/{id:guid}/qualifications", async (Guid id, QualificationInput input, EnterpriseRegistry registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.AddQualificationAsync(id, input, ct)))
            .WithName("AddQualification").WithSummary("Records a title or certificate with its validity dates.");

        api.MapDelete("/{id:guid}/qualifications/{qualificationId:guid}", async (Guid id, Guid qualificationId, string? reason, EnterpriseRegistry registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.RemoveQualificationAsync(id, qualificationId, reason, ct)))
            .WithName("RemoveQualification");

        api.MapPut("/{id:guid}/indicators/{year:int}", async (Guid id, int year, IndicatorInput input, string? reason, EnterpriseRegistry registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.SaveIndicatorAsync(id, year, input, reason, ct)))
            .WithName("SaveIndicator").WithSummary("Adds a year's figures or changes a draft (money in yuan; every figure is sent, an absent one is cleared); send the version you read when changing. 409 when the year is submitted (enterprise users) or reviewed (locked: use a correction).");

        api.MapIndicatorWorkflowApi();
        return app;
    }
}
