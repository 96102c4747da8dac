using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Platform.Web;

namespace SmartIsland.Projects.Logistics;

/// <summary>
/// 三库一单 over REST: carriers, vehicles, drivers, transport demands, passes, the peak-season view. Each row carries its
/// <c>version</c>; edits, (de)activations and demand status changes take it back in If-Match (or <c>version</c> in the
/// body, as the project register does): stale is a 412, none at all a 400 naming If-Match. Responses carry the new ETag.
/// </summary>
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
        api.MapPut("/carriers/{id:guid}", async (Guid id, CarrierEdit input, LogisticsService s, HttpContext http, CancellationToken ct) =>
            Tagged(http, await s.UpdateCarrierAsync(id, input, Versions.IfMatch(http), ct), r => r.Version)).WithName("UpdateCarrier")
            .WithSummary("Edits a carrier's kind, park and liaison {kind, parkId, liaison, reason}; name and credit code follow the enterprise registry.");
        api.MapPut("/vehicles/{id:guid}", async (Guid id, VehicleEdit input, LogisticsService s, HttpContext http, CancellationToken ct) =>
            Tagged(http, await s.UpdateVehicleAsync(id, input, Versions.IfMatch(http), ct), r => r.Version)).WithName("UpdateVehicle")
            .WithSummary("Edits a vehicle {plate, kind, emission, ratedLoad, reason}; plate, emission and load are fixed while it holds a live pass (409 naming it).");
        api.MapPut("/drivers/{id:guid}", async (Guid id, DriverEdit input, LogisticsService s, HttpContext http, CancellationToken ct) =>
            Tagged(http, await s.UpdateDriverAsync(id, input, Versions.IfMatch(http), ct), r => r.Version)).WithName("UpdateDriver")
            .WithSummary("Edits a driver {name, idNumber, phone, licenceClass, reason}; an empty or still-masked idNumber keeps the one on file.");
        api.MapPut("/demands/{id:guid}", async (Guid id, DemandEdit input, LogisticsService s, HttpContext http, CancellationToken ct) =>
            Tagged(http, await s.UpdateDemandAsync(id, input, Versions.IfMatch(http), ct), r => r.Version)).WithName("UpdateTransportDemand");
        api.MapPost("/demands/{id:guid}/status", async (Guid id, DemandStatusChange input, LogisticsService s, HttpContext http, CancellationToken ct) =>
            Tagged(http, await s.ChangeDemandStatusAsync(id, input, Versions.IfMatch(http), ct), r => r.Version)).WithName("ChangeTransportDemandStatus")
            .WithSummary("Open → Met / Withdrawn, or back to Open {status, note}; the note is required and audited.");
        foreach (var active in new[] { false, true })
        {
            var verb = active ? "reactivate" : "deactivate";
            var name = active ? "Reactivate" : "Deactivate";
            api.MapPost($"/carriers/{{id:guid}}/{verb}", async (Guid id, ActiveChange input, LogisticsService s, HttpContext http, CancellationToken ct) =>
                Tagged(http, await s.SetCarrierActiveAsync(id, active, input, Versions.IfMatch(http), ct), r => r.Version)).WithName(name + "Carrier");
            api.MapPost($"/vehicles/{{id:guid}}/{verb}", async (Guid id, ActiveChange input, LogisticsService s, HttpContext http, CancellationToken ct) =>
                Tagged(http, await s.SetVehicleActiveAsync(id, active, input, Versions.IfMatch(http), ct), r => r.Version)).WithName(name + "Vehicle");
            api.MapPost($"/drivers/{{id:guid}}/{verb}", async (Guid id, ActiveChange input, LogisticsService s, HttpContext http, CancellationToken ct) =>
                Tagged(http, await s.SetDriverActiveAsync(id, active, input, Versions.IfMatch(http), ct), r => r.Version)).WithName(name + "Driver");
        }
        return app;
    }

    private static Ok<T> Tagged<T>(HttpContext http, T row, Func<T, int> version)
    {
        Versions.SetETag(http, version(row));
        return TypedResults.Ok(row);
    }
}
