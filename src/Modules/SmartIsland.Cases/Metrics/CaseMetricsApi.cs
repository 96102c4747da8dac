using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Platform.Problems;

namespace SmartIsland.Cases.Metrics;

/// <summary>Metrics and ranking by unit, and the leaders' overdue report, over REST with Excel exports.</summary>
public static class CaseMetricsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapCaseMetricsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Case metrics").RequireAuthorization();

        api.MapGet("/metrics", async (string? period, string? from, string? to, string? unitKind, string? sort, CaseMetricsService metrics, CancellationToken ct) =>
                TypedResults.Ok(await metrics.ReportAsync(Query(period, from, to, unitKind, sort), ct)))
            .WithName("CaseMetrics")
            .WithSummary("Per unit of a kind (Department, Park, Town, Village, Grid) and period (ThisMonth, LastMonth, ThisQuarter, ThisYear, or from/to as yyyy-MM-dd): received, closed, closure rate, on-time rate, median and p90 handling time in working hours, satisfaction, overdue now; ranked by the composite score or by ?sort=.");

        api.MapGet("/metrics/export", async (string? period, string? from, string? to, string? unitKind, string? sort, CaseMetricsExport export, HttpContext http, CancellationToken ct) =>
            {
                var query = Query(period, from, to, unitKind, sort);
                using var buffer = new MemoryStream();
                await export.WriteRankingAsync(query, buffer, ct);
                return TypedResults.File(buffer.ToArray(), Xlsx, $"case-metrics-{DateTime.Now:yyyyMMdd-HHmm}.xlsx");
            })
            .WithName("ExportCaseMetrics").WithSummary("The ranking table as .xlsx.");

        api.MapGet("/overdue-report", async (CaseMetricsService metrics, CancellationToken ct) => TypedResults.Ok(await metrics.OverdueReportAsync(ct)))
            .WithName("OverdueReport").WithSummary("Every open, unresolved case past its deadline (pauses moved it), counted by unit and listed oldest first with working days overdue.");

        api.MapGet("/overdue-report/export", async (CaseMetricsExport export, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await export.WriteOverdueAsync(buffer, ct);
                return TypedResults.File(buffer.ToArray(), Xlsx, $"overdue-cases-{DateTime.Now:yyyyMMdd-HHmm}.xlsx");
            })
            .WithName("ExportOverdueReport").WithSummary("The overdue report as .xlsx (one row per case).");

        return app;
    }

    /// <summary>Reads the query string by hand so that a bad value is a problem naming its field.</summary>
    internal static MetricsQuery Query(string? period, string? from, string? to, string? unitKind, string? sort)
    {
        var errors = new ValidationErrors();
        T Parse<T>(string field, string? text, T fallback) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(text)) return fallback;
            if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text.Trim()[0])) return value;
            errors.Add(field, $"One of: {string.Join(", ", Enum.GetNames<T>())}.");
            return fallback;
        }
        DateOnly? Date(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
            errors.Add(field, "A date as yyyy-MM-dd.");
            return null;
        }
        var f = Date("from", from);
        var t = Date("to", to);
        var kind = Parse("period", period, f is not null || t is not null ? MetricsPeriodKind.Custom : MetricsPeriodKind.ThisMonth);
        var query = new MetricsQuery(kind, f, t, Parse("unitKind", unitKind, MetricsUnitKind.Department), Parse("sort", sort, MetricsSort.Score));
        errors.ThrowIfAny();
        return query;
    }
}
