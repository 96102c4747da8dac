using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Calendar.Api;
using SmartIsland.Calendar.Data;
using SmartIsland.Calendar.Domain;
using SmartIsland.Platform.Data;

namespace SmartIsland.Calendar;

public static class CalendarModule
{
    public static IServiceCollection AddCalendarModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleModel, CalendarModel>();
        services.AddSingleton<IModuleSeeder, CalendarSeeder>();
        services.AddSingleton<IWorkingDayCalendarProvider, WorkingDayCalendarProvider>();
        services.AddScoped<CalendarAdministration>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendarModule(this IEndpointRouteBuilder app) => app.MapCalendarApi();
}
