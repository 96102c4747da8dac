using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SmartIsland.Projects.Logistics;

/// <summary>三库一单 over REST: carriers, vehicles, drivers, transport demands, passes, the peak-season view.</summary>
public static class LogisticsApi
{
    public sealed record RevokeBody(string? Reason);

    public static IEndpointRouteBuilder MapLogisticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/logistics").WithTags("Logistics").RequireAuthorization();
        api.MapGet("/carriers", async (LogisticsService s, CancellationToken ct) => TypedResults.Ok(await s.CarriersAsync(ct))).WithName("ListCarriers");
        api.MapPost("/carriers", async Task<Created<object>> (CarrierInput input, LogisticsService s, CancellationToken ct) =>
            TypedResults.Created("/api/logistics/carriers", (object)new { id = await s.AddCarrierAsync(input, ct) })).WithName("AddCarrier");
        api.MapGet("/vehicles", async (Guid? carrier, LogisticsService s, CancellationToken ct) => TypedResults.Ok(await s.VehiclesAsync(carrier, ct))).WithName("ListVehicles");
        api.MapPost("/vehicles", async Task<Created<object>> (VehicleInput input, LogisticsService s, CancellationToken ct) =>
            TypedResults.Created("/api/logistics/vehicles", (object)new { id = await s.AddVehicleAsync(input, ct) })).WithName("AddVehicle");
        api.MapGet("/drivers", async (Guid? carrier, LogisticsService s, CancellationToken ct) => TypedResults.Ok(await s.DriversAsync(carrier, ct))).WithName("ListDrivers");
        api.MapPost("/drivers", async Task<Created<object>> (DriverInput input, LogisticsService s, CancellationToken ct) =>
            TypedResults.Created("/api/logistics/drivers", (object)new { id = await s.AddDriverAsync(input, ct) })).WithName("AddDriver");
        api.MapGet("/demands", async (DateOnly? from, DateOnly? to, LogisticsService s, CancellationToken ct) => TypedResults.Ok(await s.DemandsAsync(from, to, ct))).WithName("ListTransportDemands");
        api.MapPost("/demands", async Task<Created<object>> (DemandInput input, LogisticsService s, CancellationToken ct) =>
            TypedResults.Created("/api/logistics/demands", (object)new { id = await s.AddDemandAsync(input, ct) })).WithName("AddTransportDemand");
        api.MapPost("/vehicles/{id:guid}/pass", async (Guid id, PassInput input, LogisticsService s, CancellationToken ct) => TypedResults.Ok(await s.IssuePassAsync(id, input, ct)))
            .WithName("IssueTransportPass").WithSummary("Issues a 货车城区通行证 (an e-licence of the carrier) when the vehicle meets GA-XK-002's conditions C1–C3.");
        api.MapPost("/vehicles/{id:guid}/pass/revoke", async (Guid id, RevokeBody body, LogisticsService s, CancellationToken ct) => TypedResults.Ok(await s.RevokePassAsync(id, body.Reason, ct)))
            .WithName("RevokeTransportPass");
        api.MapGet("/peak", async (DateOnly from, DateOnly to, LogisticsService s, CancellationToken ct) => TypedResults.Ok(await s.PeakAsync(from, to, ct)))
            .WithName("LogisticsPeak").WithSummary("Per carrier: vehicles its open demands ask for in the period against vehicles whose pass covers it; biggest gap first.");
        return app;
    }
}
