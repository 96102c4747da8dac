using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Platform.Data;
using SmartIsland.Scoring.Data;
using SmartIsland.Scoring.Features;

namespace SmartIsland.Scoring;

/// <summary>The shared scoring engine: schemes as data, runs per period with their history. No endpoints of its own — callers expose their own.</summary>
public static class ScoringModule
{
    public static IServiceCollection AddScoringModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, ScoringModel>();
        services.AddScoped<IScoringService, ScoringService>();
        return services;
    }

    public static IEndpointRouteBuilder MapScoringModule(this IEndpointRouteBuilder app) => app;
}
