using SmartIsland.Access;
using SmartIsland.Calendar;
using SmartIsland.Cases;
using SmartIsland.Cultivation;
using SmartIsland.Enterprises;
using SmartIsland.Investment;
using SmartIsland.Licences;
using SmartIsland.Organisation;
using SmartIsland.Projects;
using SmartIsland.Rules;
using SmartIsland.Scoring;
using SmartIsland.Services;

namespace SmartIsland.Host.Hosting;

/// <summary>The modules this host is made of. A new module adds one line to each method.</summary>
public static class ModuleCatalog
{
    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration config, PlatformSettings settings) =>
        services
            .AddAccessModule(config["Auth:JwtKey"], settings.DataDirectory)
            .AddOrganisationModule()
            .AddCalendarModule()
            .AddEnterprisesModule()
            .AddCasesModule()
            .AddRulesModule()
            .AddCultivationModule()
            .AddScoringModule()
            .AddLicencesModule()
            .AddServicesModule()
            .AddProjectsModule()
            .AddInvestmentModule()
            .AddScoped<Cases.Data.IZoneList, HostZoneList>();

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder app)
    {
        app.MapAccessModule();
        app.MapOrganisationModule();
        Codes.Api.CodesApi.MapCodesApi(app);
        app.MapCalendarModule();
        app.MapEnterprisesModule();
        app.MapCasesModule();
        app.MapRulesModule();
        app.MapCultivationModule();
        app.MapScoringModule();
        app.MapLicencesModule();
        app.MapServicesModule();
        app.MapProjectsModule();
        app.MapInvestmentModule();
        return app;
    }

    /// <summary>Assemblies whose pages the router serves, besides the host's own.</summary>
    public static readonly System.Reflection.Assembly[] PageAssemblies =
    [
        typeof(AccessModule).Assembly,
        typeof(CalendarModule).Assembly,
        typeof(OrganisationModule).Assembly,
        typeof(EnterprisesModule).Assembly,
        typeof(CasesModule).Assembly,
        typeof(RulesModule).Assembly,
        typeof(CultivationModule).Assembly,
        typeof(LicencesModule).Assembly,
        typeof(ServicesModule).Assembly,
        typeof(ProjectsModule).Assembly,
        typeof(InvestmentModule).Assembly,
    ];
}
