using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Cultivation.Data;
using SmartIsland.Cultivation.Policies;
using SmartIsland.Cultivation.Tiers;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cultivation;

/// <summary>
/// 梯次培育: each area is a folder read top to bottom — Tiers (screening and pools), Officers
/// (首席服务员, visits, "1234" goals), Performance (亩均效益), Policies (免申即享), Portal (the enterprise's view).
/// </summary>
public static class CultivationModule
{
    public static IServiceCollection AddCultivationModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, CultivationModel>();
        services.AddScoped<EligibilityService>();
        services.AddScoped<Officers.OfficerService>();
        services.AddScoped<IModuleSeeder, Officers.OfficerDemoSeeder>();
        services.AddScoped<Performance.PerformanceService>();
        services.AddScoped<Performance.PerformanceExport>();
        services.AddScoped<PolicyService>();
        services.AddScoped<IModuleSeeder, PolicySeeder>();
        services.AddSingleton<ScreeningProgress>();
        services.AddSingleton<ScreeningLauncher>();
        services.AddScoped<TierScreening>();
        services.AddScoped<PoolService>();
        services.AddScoped<PoolExport>();
        services.AddScoped<Portal.NoticeSignal>();
        return services;
    }

    public static IEndpointRouteBuilder MapCultivationModule(this IEndpointRouteBuilder app)
    {
        app.MapEligibilityApi();
        Officers.OfficersApi.MapOfficersApi(app);
        Performance.PerformanceApi.MapPerformanceApi(app);
        app.MapPoliciesApi();
        app.MapPoolsApi();
        return app;
    }
}
