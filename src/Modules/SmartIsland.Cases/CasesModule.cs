using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Cases.Api;
using SmartIsland.Cases.Data;
using SmartIsland.Cases.Features;
using SmartIsland.Cases.Hazards;
using SmartIsland.Cases.Open311;
using SmartIsland.Cases.Metrics;
using SmartIsland.Platform.Data;

namespace SmartIsland.Cases;

public static class CasesModule
{
    public static IServiceCollection AddCasesModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, CasesModel>();
        services.AddScoped<IModuleSeeder, CasesSeeder>();
        services.AddScoped<CaseService>();
        services.AddScoped<CaseRouter>();
        services.AddScoped<CaseTypeAdministration>();
        services.AddScoped<HazardService>();
        services.AddScoped<HazardLedgerExport>();
        services.AddScoped<CaseNotifications>();
        services.AddScoped<Scheduling.EscalationSweep>();
        services.AddScoped<Scheduling.AnonymisationSweep>();
        services.AddOptions<Scheduling.RetentionOptions>().BindConfiguration("Cases")
            .Validate(o => o.AnonymiseAfterDays >= 1, "Cases:AnonymiseAfterDays must be at least 1.").ValidateOnStart();
        services.AddSingleton<CaseTypeCache>();
        services.AddOpen311();
        services.AddCaseMetrics();
        return services;
    }

    public static IEndpointRouteBuilder MapCasesModule(this IEndpointRouteBuilder app) => app.MapCasesApi().MapHazardsApi().MapCaseNotificationsApi()
        .MapOpen311Api().MapCaseMetricsApi();
}
