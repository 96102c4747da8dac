using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using SmartIsland.Enterprises.Features;
using SmartIsland.Platform.Problems;
using SmartIsland.Platform.Security;
using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Cultivation.Tiers;

/// <summary>
/// The nightly screening of every zone (issue 4 §3). The host chooses the job store (in memory on one SQLite node,
/// clustered on PostgreSQL, so one node runs it); this says what runs and when: by default 02:30 China time,
/// after the day's figures are in and before staff arrive.
/// </summary>
public static class ScreeningJobs
{
    public const string DefaultCron = "0 30 2 * * ?";
    public static readonly JobKey NightlyScreening = new("tier-screening-nightly", "cultivation");
    public static readonly TriggerKey NightlyTrigger = new("tier-screening-nightly-trigger", "cultivation");

    public static IQuartzBuilder AddTierScreening(this IQuartzBuilder quartz, string? cron = null)
    {
        var china = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        quartz.ScheduleJob<NightlyScreeningJob>(
            t => t.WithIdentity(NightlyTrigger).WithCronSchedule(cron ?? DefaultCron, c => c.InTimeZone(china)),
            j => j.WithIdentity(NightlyScreening).DisallowConcurrentExecution());
        return quartz;
    }

    /// <summary>Screens one zone in a scope of its own, acting as the scheduler inside that zone.</summary>
    internal static async Task<ScreeningSummary> ScreenZoneAsync(IServiceScopeFactory scopes, Guid zoneId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "scheduler"), new Claim(PlatformClaims.ZoneId, zoneId.ToString())], authenticationType: "scheduler")));
        return await scope.ServiceProvider.GetRequiredService<TierScreening>().RunAsync(ScreeningTriggers.Nightly, ct);
    }
}

[DisallowConcurrentExecution]
internal sealed class NightlyScreeningJob(IServiceScopeFactory scopes, IEnterpriseProfiles profiles, ILogger<NightlyScreeningJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        foreach (var zone in await profiles.ZonesWithEnterprisesAsync(cancellationToken))
        {
            try
            {
                var run = await ScreeningJobs.ScreenZoneAsync(scopes, zone, cancellationToken);
                log.LogInformation("Nightly screening of zone {Zone}: {Run}", zone, run);
            }
            catch (ConflictException)
            {
                log.LogInformation("Zone {Zone} is being screened already; the nightly run leaves it", zone);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One zone's failure is on its run record; the other zones are still screened.
                log.LogError(e, "Nightly screening of zone {Zone} failed", zone);
            }
        }
    }
}

/// <summary>
/// The page's "screen now": starts a screening in the background as the signed-in user (so the run and the audit
/// name them) and returns at once; the page follows it through <see cref="ScreeningProgress"/>.
/// </summary>
public sealed class ScreeningLauncher(IServiceScopeFactory scopes, ScreeningProgress progress, ILogger<ScreeningLauncher> log)
{
    /// <summary>False when this zone is being screened already.</summary>
    public bool Start(ClaimsPrincipal principal)
    {
        if (principal.GuidClaim(PlatformClaims.ZoneId) is not { } zone || progress.Of(zone) is not null) return false;
        if (!principal.IsInRole(Roles.Admin) && !principal.IsInRole(Roles.DepartmentStaff))
            throw new ForbiddenException(TierScreening.ScreenRule, "Only administrators and department staff start a screening.");
        var copy = new ClaimsPrincipal(principal.Identities.Select(i => i.Clone()));
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(copy);
                await scope.ServiceProvider.GetRequiredService<TierScreening>().RunAsync(ScreeningTriggers.Button);
            }
            catch (Exception e)
            {
                log.LogError(e, "Screening started from the pools page failed in zone {Zone}", zone);
            }
        });
        return true;
    }
}
