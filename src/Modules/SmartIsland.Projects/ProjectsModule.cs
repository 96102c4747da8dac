using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Data;
using SmartIsland.Projects.Features;
using SmartIsland.Projects.Register;

namespace SmartIsland.Projects;

/// <summary>
/// 重点项目 (产), one folder per area read top to bottom: the register (projects, teams, milestones, investment), daily
/// reports, lag detection, the weekly meeting pack, site reviews, 三个一批, logistics 三库一单, the dashboard.
/// </summary>
public static class ProjectsModule
{
    public static IServiceCollection AddProjectsModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, ProjectsModel>();
        services.AddScoped<IProjectRegistry, ProjectRegistry>();
        services.AddScoped<ProjectRegistry>();
        services.AddScoped<ProjectRegister>();
        services.AddScoped<ProjectExport>();
        services.AddScoped<ThreeBatches>();
        services.AddScoped<IModuleSeeder, ProjectDemoSeeder>();
        services.AddScoped<Reviews.SiteReviewService>();
        services.AddScoped<IModuleSeeder, Reviews.SiteReviewDemoSeeder>();
        services.AddScoped<Logistics.LogisticsService>();
        services.AddScoped<IModuleSeeder, Logistics.LogisticsDemoSeeder>();
        services.AddSupervision();
        return services;
    }

    public static IEndpointRouteBuilder MapProjectsModule(this IEndpointRouteBuilder app)
    {
        app.MapProjectsApi();
        Reviews.SiteReviewApi.MapSiteReviewApi(app);
        Logistics.LogisticsApi.MapLogisticsApi(app);
        Api.SupervisionApi.MapSupervisionApi(app);
        Dashboard.DashboardApi.MapDashboardApi(app);
        return app;
    }

    /// <summary>Daily reports, missing-report reminders, lag detection and the weekly pack (settings: section Projects).</summary>
    private static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddOptions<Lags.SupervisionOptions>().BindConfiguration(Lags.SupervisionOptions.Section);
        services.AddScoped<Reports.DailyReportService>();
        services.AddScoped<Reports.MissingReportService>();
        services.AddScoped<Reports.ReportReminderSweep>();
        services.AddScoped<Lags.LagService>();
        services.AddScoped<Weekly.WeeklyPackService>();
        services.AddScoped<Dashboard.ProjectDashboardService>();
        services.AddScoped<IModuleSeeder, Reports.ReportDemoSeeder>();
        return services;
    }
}
