using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Licences.Data;
using SmartIsland.Platform.Data;

namespace SmartIsland.Licences;

/// <summary>电子证照: licence types, issued licences, connectors to the zone's other systems, certificates and public verification.</summary>
public static class LicencesModule
{
    public static IServiceCollection AddLicencesModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, LicencesModel>();
        return services;
    }

    public static IEndpointRouteBuilder MapLicencesModule(this IEndpointRouteBuilder app) => app;
}
