using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SmartIsland.Projects.Dashboard;

/// <summary>The key-project dashboard over REST (literal paths win over the register's <c>/api/projects/{code}</c>).</summary>
public static class DashboardApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects/dashboard").WithTags("Projects").RequireAuthorization();
        api.MapGet("", async (int? year, ProjectDashboardService dashboard, CancellationToken ct) => TypedResults.Ok(await dashboard.ReadAsync(year, ct)))
            .WithName("ProjectDashboard")
            .WithSummary("Projects by phase and park, the year's investment against plan, lagging counts, reports missing today. Admin, leaders, department and park staff.");
        api.MapGet("/export", async (int? year, ProjectDashboardService dashboard, HttpContext http, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await dashboard.WriteAsync(year, buffer, ct);
            return TypedResults.File(buffer.ToArray(), Xlsx, $"projects-dashboard-{year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "current"}.xlsx");
        }).WithName("ProjectDashboardExport");
        return app;
    }
}
