using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SmartIsland.Rules;

/// <summary>The shared rules engine: rule sets as data, evaluated with every criterion explained.</summary>
public static class RulesModule
{
    public static IServiceCollection AddRulesModule(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapRulesModule(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
