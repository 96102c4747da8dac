using System.Security.Claims;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cases.Scheduling;

/// <summary>
/// The sweeps act as "scheduler": the audit log and the case timeline name it as the actor of what
/// they write, instead of leaving the actor blank (no person acted).
/// </summary>
internal static class SchedulerActor
{
    public const string Name = "scheduler";

    public static void ActAsScheduler(this CurrentUser user) =>
        user.Set(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, Name)], authenticationType: Name)));
}
