using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Platform.Data;
using SmartIsland.Services.Data;

namespace SmartIsland.Services;

/// <summary>
/// 政务服务, one folder per area read top to bottom: Catalogue (items, canonical materials, import/export), Guide (the
/// public 办事不找关系指南), Bundles (一件事一次办), Applications (办件: pre-fill, once-only, 容缺, 秒批, steps),
/// Discretion (bounded discretion on penalty items), Timeliness (时效 figures per department).
/// </summary>
public static class ServicesModule
{
    public static IServiceCollection AddServicesModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, ServicesModel>();
        services.AddScoped<Catalogue.CatalogueValidator>();
        services.AddScoped<Catalogue.CatalogueWriter>();
        services.AddScoped<Catalogue.CatalogueService>();
        services.AddScoped<Catalogue.CatalogueTransfer>();
        services.AddScoped<IModuleSeeder, Catalogue.CatalogueDemoSeeder>();
        services.AddScoped<Applications.ApplicationService>();
        services.AddScoped<Applications.ApplicationExport>();
        services.AddSingleton<Guide.GuideIndex>().AddScoped<Guide.GuideService>();
        services.AddScoped<Discretion.DiscretionService>();
        services.AddScoped<Timeliness.TimelinessService>();
        services.AddScoped<Timeliness.TimelinessExport>();
        return services;
    }

    public static IEndpointRouteBuilder MapServicesModule(this IEndpointRouteBuilder app)
    {
        Catalogue.CatalogueApi.MapCatalogueApi(app);
        Applications.ApplicationsApi.MapApplicationsApi(app);
        Guide.GuideApi.MapGuideApi(app);
        Discretion.DiscretionApi.MapDiscretionApi(app);
        Timeliness.TimelinessApi.MapTimelinessApi(app);
        return app;
    }
}
