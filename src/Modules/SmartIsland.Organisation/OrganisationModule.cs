using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Organisation.Api;
using SmartIsland.Organisation.Data;
using SmartIsland.Organisation.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Organisation;

public static class OrganisationModule
{
    public static IServiceCollection AddOrganisationModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, OrganisationModel>();
        services.AddScoped<IOrganisationDirectory, OrganisationDirectory>().AddSingleton<GridCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganisationModule(this IEndpointRouteBuilder app) => app.MapOrganisationApi();
}
