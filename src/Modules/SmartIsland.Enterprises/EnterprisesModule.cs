using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Enterprises.Api;
using SmartIsland.Enterprises.Data;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Data;

namespace SmartIsland.Enterprises;

public static class EnterprisesModule
{
    public static IServiceCollection AddEnterprisesModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, EnterprisesModel>();
        services.AddScoped<EnterpriseRegistry>();
        services.AddScoped<EnterpriseExport>();
        services.AddScoped<EnterpriseImport>();
        services.AddScoped<IEnterpriseDirectory, EnterpriseDirectory>();
        services.AddScoped<IEnterpriseProfiles, EnterpriseProfiles>();
        services.AddScoped<QuarterlyFigures>();
        services.AddScoped<IndicatorWorkflow>();
        services.AddScoped<EnterpriseFacts>();
        return services;
    }

    public static IEndpointRouteBuilder MapEnterprisesModule(this IEndpointRouteBuilder app) => QuarterlyFigures.MapQuarterlyApi(app.MapEnterprisesApi());
}
