using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartIsland.Cases.Features;

namespace SmartIsland.Cases.Api;

/// <summary>My notifications (reminders, 督办, escalations, keep-in-loop flags …) and marking one read.</summary>
public static class CaseNotificationsApi
{
    public static IEndpointRouteBuilder MapCaseNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases/notifications").WithTags("Cases").RequireAuthorization();

        api.MapGet("/", async (bool? unread, int? page, int? pageSize, CaseNotifications notifications, CancellationToken ct) =>
            TypedResults.Ok(await notifications.MineAsync(unread ?? false, page ?? 1, pageSize ?? 50, ct)))
            .WithName("ListMyNotifications").WithSummary("Notifications addressed to me, my unit or a role I hold, newest first; unread=true for the unread ones.");

        api.MapPost("/{id:guid}/read", async (Guid id, CaseNotifications notifications, CancellationToken ct) =>
            TypedResults.Ok(await notifications.MarkReadAsync(id, ct)))
            .WithName("MarkNotificationRead").WithSummary("Marks a notification read (for every recipient of a unit or role); 403 when it is not addressed to me.");

        return app;
    }
}
