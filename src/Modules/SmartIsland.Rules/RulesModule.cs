using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Platform.Data;
using SmartIsland.Rules.Api;
using SmartIsland.Rules.Data;
using SmartIsland.Rules.Features;

namespace SmartIsland.Rules;

/// <summary>The shared rules engine: rule sets as data, evaluated with every criterion explained.</summary>
public static class RulesModule
{
    public static IServiceCollection AddRulesModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, RulesModel>();
        services.AddSingleton<IModuleSeeder, RulesSeeder>();
        services.AddSingleton<RuleSetCache>();
        services.AddScoped<RuleSetCatalog>();
        services.AddScoped<IRuleSetCatalog>(sp => sp.GetRequiredService<RuleSetCatalog>());
        return services;
    }

    public static IEndpointRouteBuilder MapRulesModule(this IEndpointRouteBuilder app) => app.MapRulesApi();
}
