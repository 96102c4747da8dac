using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Licences.Api;
using SmartIsland.Licences.Connectors;
using SmartIsland.Licences.Data;
using SmartIsland.Licences.Features;
using SmartIsland.Platform.Data;

namespace SmartIsland.Licences;

/// <summary>电子证照: licence types, issued licences, connectors to the zone's other systems, certificates and public verification.</summary>
public static class LicencesModule
{
    public static IServiceCollection AddLicencesModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, LicencesModel>();
        services.AddOptions<LicenceOptions>().BindConfiguration("Licences");
        services.AddHttpClient(HttpLicenceConnector.ClientName);
        services.AddSingleton<ConfiguredConnectors>();
        services.AddScoped<ILicenceConnector, PlatformLicenceConnector>();
        services.AddScoped<ILicenceRegistry, LicenceRegistry>();
        services.AddScoped<LicenceService>();
        services.AddScoped<IModuleSeeder, LicenceSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapLicencesModule(this IEndpointRouteBuilder app)
    {
        app.MapLicencesApi();
        return app;
    }
}
