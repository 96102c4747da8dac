using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Web;
using SmartIsland.Services.Resources;

namespace SmartIsland.Services.Applications;

/// <summary>
/// 办件 over REST. A submission is multipart/form-data: the part <c>application</c> holds the JSON request, each file
/// part is named by the canonical material code it proves. Reads carry an ETag (the version); a decision may send
/// If-Match with it (412 when stale).
/// </summary>
public static class ApplicationsApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/services").WithTags("Applications").RequireAuthorization();

        api.MapGet("/prepare", async (string? item, string? bundle, string? applicant, ApplicationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.PrepareAsync(item, bundle, applicant, ct)))
            .WithName("PrepareApplication")
            .WithSummary("The form of an item or bundle as this applicant will see it: fields filled from the registry, each material exempt (with the e-licence) or to upload, deferrable ones marked.");

        api.MapPost("/applications", async Task<Created<ApplicationView>> (HttpRequest request, ApplicationService service, HttpContext http, CancellationToken ct) =>
            {
                var (input, files) = await ReadAsync(request, ct);
                var view = await service.SubmitAsync(input, files, ct);
                Versions.SetETag(http, view.Version);
                return TypedResults.Created($"/api/services/applications/{view.Number}", view);
            })
            .DisableAntiforgery().WithName("SubmitApplication")
            .WithSummary("Submits and (when every non-deferrable material is there) accepts an application; items with approval rules may be approved at once.");

        api.MapPost("/bundle-applications", async Task<Created<BundleApplicationView>> (HttpRequest request, ApplicationService service, CancellationToken ct) =>
            {
                var (input, files) = await ReadAsync(request, ct);
                var view = await service.SubmitBundleAsync(input, files, ct);
                return TypedResults.Created($"/api/services/bundle-applications/{view.Number}", view);
            })
            .DisableAntiforgery().WithName("SubmitBundleApplication")
            .WithSummary("One form and one set of materials for a 一件事 bundle; fans out to one application per item.");

        api.MapGet("/bundle-applications/{number}", async (string number, ApplicationService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetBundleAsync(number, ct))).WithName("GetBundleApplication");

        api.MapGet("/applications", async (string? text, ApplicationStage? stage, bool? mine, int? skip, int? take, ApplicationService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(new ApplicationQuery(text, stage, mine, skip ?? 0, take ?? 20), ct)))
            .WithName("ListApplications");

        api.MapGet("/applications/export", async (string? text, ApplicationStage? stage, bool? mine, ApplicationExport export, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await export.WriteAsync(text, stage, mine, buffer, ct);
                return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    $"applications-{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd-HHmm}.xlsx");
            })
            .WithName("ExportApplications").WithSummary("办件台账 as .xlsx: the rows the caller's list shows, with the same filters (at most 20,000).");

        api.MapGet("/applications/{number}", async (string number, ApplicationService service, HttpContext http, CancellationToken ct) =>
            {
                var view = await service.GetAsync(number, ct);
                Versions.SetETag(http, view.Version);
                return TypedResults.Ok(view);
            })
            .WithName("GetApplication");

        api.MapPost("/applications/{number}/decision", async (string number, DecisionRequest request, ApplicationService service, HttpContext http, CancellationToken ct) =>
            {
                var view = await service.DecideAsync(number, request, Versions.IfMatch(http), ct);
                Versions.SetETag(http, view.Version);
                return TypedResults.Ok(view);
            })
            .WithName("DecideApplication")
            .WithSummary("Approve (issues the certificate) or refuse citing one of the item's conditions (C…) or prohibited situations (P…).");

        api.MapPost("/applications/{number}/completion", async (string number, ApplicationService service, HttpContext http, CancellationToken ct) =>
            {
                var view = await service.CompleteDecidedAsync(number, ct);
                Versions.SetETag(http, view.Version);
                return TypedResults.Ok(view);
            })
            .WithName("CompleteApplication")
            .WithSummary("办结 again an application left decided because its certificate could not be issued at the time.");

        api.MapPost("/applications/{number}/materials/{code}", async (string number, string code, HttpRequest request, ApplicationService service, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) throw new ValidationFailedException($"materials.{code}", Text(request, "Api_FileMultipart"));
                var form = await request.ReadFormAsync(ct);
                var file = (form.Files.Count > 0 ? form.Files[0] : null) ?? throw new ValidationFailedException($"materials.{code}", Text(request, "Api_NoFile"));
                return TypedResults.Ok(await service.SupplyAsync(number, await UploadAsync(request, code, file, ct), ct));
            })
            .DisableAntiforgery().WithName("SupplyDeferredMaterial")
            .WithSummary("先办后补: supplies a deferred material; when none is left, the follow-up case closes.");

        api.MapGet("/applications/{number}/materials/{code}", async (string number, string code, ApplicationService service, CancellationToken ct) =>
            {
                var (content, type, name) = await service.FileAsync(number, code, ct);
                return TypedResults.File(content, type, name);
            })
            .WithName("GetApplicationMaterial");

        api.MapGet("/notices", async (ApplicationService service, CancellationToken ct) => TypedResults.Ok(await service.NoticesAsync(50, ct)))
            .WithName("ApplicationNotices");
        return app;
    }

    private static async Task<(ApplicationRequest, List<MaterialUpload>)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw new ValidationFailedException("application", Text(request, "Api_ApplicationMultipart"));
        var form = await request.ReadFormAsync(ct);
        ApplicationRequest? input;
        try
        {
            input = JsonSerializer.Deserialize<ApplicationRequest>(form["application"].ToString() is { Length: > 0 } text ? text : "{}", Json);
        }
        catch (JsonException e)
        {
            throw new ValidationFailedException("application", Text(request, "Api_ApplicationJson") + " " + e.Path);
        }
        var files = new List<MaterialUpload>();
        foreach (var f in form.Files) files.Add(await UploadAsync(request, f.Name, f, ct));
        return (input ?? new ApplicationRequest(), files);
    }

    private static string Text(HttpRequest request, string key) =>
        request.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ApplicationStrings>>()[key];

    private static async Task<MaterialUpload> UploadAsync(HttpRequest request, string code, IFormFile file, CancellationToken ct)
    {
        if (file.Length > MaterialFileCheck.MaxBytes)
            throw new ValidationFailedException($"materials.{code}", string.Format(CultureInfo.CurrentCulture, Text(request, "Api_FileTooLarge"), file.FileName, MaterialFileCheck.MaxBytes / 1024 / 1024));
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        return new MaterialUpload(code, file.FileName, ms.ToArray());
    }
}
