using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Cases.Domain;
using SmartIsland.Platform.Problems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SmartIsland.Projects.Lags;
using SmartIsland.Projects.Resources;
using SmartIsland.Projects.Reports;
using SmartIsland.Projects.Weekly;

namespace SmartIsland.Projects.Api;

/// <summary>
/// Project supervision over REST: daily progress reports with photos, missing reports, the lagging list with problems
/// raised as cases, and the weekly meeting pack. Literal paths (reports/missing, lagging, weekly) win over the
/// register's <c>/api/projects/{code}</c>.
/// </summary>
public static class SupervisionApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Projects").RequireAuthorization();

        api.MapPost("/{code}/reports", async (string code, HttpRequest request, DailyReportService reports, CancellationToken ct) =>
        {
            if (!request.HasFormContentType) throw new ValidationFailedException("text", Text(request, "Api_ReportMultipart"));
            var form = await request.ReadFormAsync(ct);
            var lat = Number(form["lat"], "lat", request);
            var lon = Number(form["lon"], "lon", request);
            var photos = new List<ReportPhotoFile>();
            // One past the limit is enough for the service to refuse the count; the rest are not read.
            foreach (var file in form.Files.Take(PhotoCheck.MaxPhotos + 1))
            {
                if (file.Length > PhotoCheck.MaxBytes)
                {
                    photos.Add(new ReportPhotoFile(file.FileName, [], TooLarge: true)); // refused unread
                    continue;
                }
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                photos.Add(new ReportPhotoFile(file.FileName, buffer.ToArray()));
            }
            var made = await reports.SubmitAsync(code, new ReportInput(form["text"].ToString(), lat, lon), photos, ct);
            return TypedResults.Created($"/api/projects/{code}/reports", made);
        }).DisableAntiforgery().WithName("SubmitDailyReport")
            // Six phone photos of up to 10 MB each are more than Kestrel's default 30 MB body.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(64L * 1024 * 1024))
          .WithSummary("A daily progress report (形象进度): multipart with text, optional lat/lon, up to 6 photos (checked by content, re-encoded without EXIF). Team members and Admin.");

        api.MapGet("/{code}/reports", async (string code, int? days, DailyReportService reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.TimelineAsync(code, days ?? 30, ct))).WithName("DailyReportTimeline")
            .WithSummary("The project's reports day by day, newest first (default the last 30 days).");

        api.MapGet("/{code}/reports/photos/{id:guid}", async (string code, Guid id, DailyReportService reports, HttpContext http, CancellationToken ct) =>
        {
            var bytes = await reports.PhotoAsync(code, id, thumbnail: false, ct);
            http.Response.Headers.CacheControl = "private, max-age=86400";
            return TypedResults.File(bytes, "image/jpeg");
        }).WithName("DailyReportPhoto");

        api.MapGet("/{code}/reports/photos/{id:guid}/thumb", async (string code, Guid id, DailyReportService reports, HttpContext http, CancellationToken ct) =>
        {
            var bytes = await reports.PhotoAsync(code, id, thumbnail: true, ct);
            http.Response.Headers.CacheControl = "private, max-age=86400";
            return TypedResults.File(bytes, "image/jpeg");
        }).WithName("DailyReportThumbnail");

        api.MapGet("/reports/missing", async (string? day, Guid? park, MissingReportService missing, HttpRequest request, CancellationToken ct) =>
            TypedResults.Ok(await missing.ListAsync(Day(day, "day", request), park, ct))).WithName("MissingDailyReports")
            .WithSummary("Projects under way without a report for the day (default today; park = one park) once the due time (Projects:ReportDueTime) has passed; none on weekends and public holidays.");

        api.MapGet("/reports/missing/export", async (string? day, Guid? park, MissingReportService missing, HttpRequest request, CancellationToken ct) =>
        {
            var (content, name) = await missing.ExportAsync(Day(day, "day", request), park, ct);
            return TypedResults.File(content, Xlsx, name);
        }).WithName("ExportMissingDailyReports").WithSummary("The missing reports of the day (and park) as .xlsx.");

        api.MapGet("/reports/reminders", async (bool? pending, DailyReportService reports, CancellationToken ct) =>
                TypedResults.Ok(pending == true ? await reports.MyPendingRemindersAsync(ct) : await reports.MyRemindersAsync(ct)))
            .WithName("MyReportReminders").WithSummary("My reminders of missing daily reports, the last 7 days; pending=true: today's whose project has still not reported today.");

        api.MapGet("/lagging", async (Guid? park, LagLevel? level, string? asOf, LagService lags, HttpRequest request, CancellationToken ct) =>
            TypedResults.Ok(await lags.LaggingAsync(park, level, Day(asOf, "asOf", request), ct))).WithName("LaggingProjects")
            .WithSummary("Lagging projects (milestone overdue, investment behind pace, days without reports) with level, reasons and open problems.");

        api.MapGet("/{code}/problems", async (string code, bool? open, LagService lags, CancellationToken ct) =>
            TypedResults.Ok(await lags.ProblemsAsync(code, open ?? false, ct))).WithName("ProjectProblems");

        api.MapPost("/{code}/problems", async (string code, RaiseProblemInput input, LagService lags, CancellationToken ct) =>
        {
            var made = await lags.RaiseProblemAsync(code, input, ct);
            return TypedResults.Created($"/api/cases/{made.CaseId}", made);
        }).WithName("RaiseProjectProblem").WithSummary("Raises a project's problem as a case (type project-problem, 协调解决) routed to its park.");

        api.MapGet("/weekly", async (string? week, WeeklyPackService weekly, CancellationToken ct) => TypedResults.Ok(await weekly.BuildAsync(week, ct)))
            .WithName("WeeklyMeetingPack").WithSummary("The weekly meeting pack: lagging projects, open problems, milestones due next week, by park. week = 2026-W48 or a day in it.");

        api.MapGet("/weekly/export", async (string? week, WeeklyPackService weekly, CancellationToken ct) =>
        {
            var (content, name) = await weekly.ExportAsync(week, ct);
            return TypedResults.File(content, Xlsx, name);
        }).WithName("ExportWeeklyMeetingPack");

        api.MapGet("/weekly/pdf", async (string? week, WeeklyPackService weekly, CancellationToken ct) =>
        {
            var (content, name) = await weekly.ExportPdfAsync(week, ct);
            return TypedResults.File(content, "application/pdf", name);
        }).WithName("ExportWeeklyMeetingPackPdf").WithSummary("The weekly meeting pack as an A4 PDF (same week parameter as the Excel export); audited.");

        return app;
    }

    private static string Text(HttpRequest request, string key) =>
        request.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ReportStrings>>()[key];

    private static DateOnly? Day(string? value, string field, HttpRequest request) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new ValidationFailedException(field, Text(request, "Api_Day"));

    private static double? Number(string? value, string field, HttpRequest request) =>
        string.IsNullOrWhiteSpace(value) ? null
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n
        : throw new ValidationFailedException(field, Text(request, "Api_Number"));
}
