using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cases.Metrics;

public static class CaseMetricsModule
{
    public static IServiceCollection AddCaseMetrics(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, CaseMetricsModel>();
        services.AddSingleton<CaseMetricsRollupRefresh>();
        services.AddScoped<CaseMetricsService>();
        services.AddScoped<CaseMetricsExport>();
        return services;
    }
}
