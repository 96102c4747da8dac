using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Investment.Api;
using SmartIsland.Investment.Data;
using SmartIsland.Investment.Features;
using SmartIsland.Platform.Data;

namespace SmartIsland.Investment;

/// <summary>
/// 招商 (产): leads and their pipeline, a signed lead becoming a key project (IProjectRegistry), 代办 tasks, and the idle
/// plants and land matched to leads. Reads the registry only through IEnterpriseDirectory.
/// </summary>
public static class InvestmentModule
{
    public static IServiceCollection AddInvestmentModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, InvestmentModel>();
        services.AddScoped<LeadService>();
        services.AddScoped<LeadExport>();
        services.AddScoped<SiteService>();
        services.AddScoped<AgencyTaskService>();
        services.AddScoped<AgencyTaskExport>();
        services.AddScoped<IModuleSeeder, InvestmentSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapInvestmentModule(this IEndpointRouteBuilder app) => app.MapInvestmentApi();
}
