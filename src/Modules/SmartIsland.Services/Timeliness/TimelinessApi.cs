using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Web;

namespace SmartIsland.Services.Timeliness;

/// <summary>Timeliness figures: public JSON (departments and numbers only), the staff drill-down and the Excel export.</summary>
public static class TimelinessApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapTimelinessApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/timeliness").WithTags("Timeliness");

        api.MapGet("/", async (string? from, string? to, TimelinessService timeliness, CancellationToken ct) =>
            {
                var (f, t) = Dates(from, to);
                return TypedResults.Ok(await timeliness.PublicReportAsync(f, t, ct));
            })
            .AllowAnonymous().RequireRateLimiting(PlatformPolicies.PublicRateLimit)
            .WithName("Timeliness")
            .WithSummary("Public: per department over the applications completed from..to (yyyy-MM-dd, +08:00; default this month): completed, immediate (即办), same day, on time and the on-time rate, speed-up against the statutory limit, no-visit and cross-department counts, rank. No personal data.");

        api.MapGet("/late", async (string? department, string? from, string? to, TimelinessService timeliness, CancellationToken ct) =>
            {
                var (f, t) = Dates(from, to);
                return TypedResults.Ok(await timeliness.LateAsync(department ?? "", f, t, ct));
            })
            .RequireAuthorization().WithName("LateApplications")
            .WithSummary("Staff: a department's applications completed late in the period (department = its id from the figures); applicant data masked where the role does not need it.");

        api.MapGet("/export", async (string? from, string? to, TimelinessExport export, CancellationToken ct) =>
            {
                var (f, t) = Dates(from, to);
                using var buffer = new MemoryStream();
                await export.WriteAsync(f, t, buffer, ct);
                return TypedResults.File(buffer.ToArray(), Xlsx, $"timeliness-{DateTime.Now:yyyyMMdd-HHmm}.xlsx");
            })
            .RequireAuthorization().WithName("ExportTimeliness").WithSummary("Staff: the figures table as .xlsx.");
        return app;
    }

    internal static (DateOnly? From, DateOnly? To) Dates(string? from, string? to)
    {
        var errors = new ValidationErrors();
        DateOnly? Date(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
            errors.Add(field, "A date as yyyy-MM-dd.");
            return null;
        }
        var result = (Date("from", from), Date("to", to));
        errors.ThrowIfAny();
        return result;
    }
}
