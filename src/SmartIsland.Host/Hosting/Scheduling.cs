using Quartz;
using SmartIsland.Cases.Scheduling;
using SmartIsland.Cultivation.Tiers;
using SmartIsland.Platform.Data;
using SmartIsland.Projects.Reports;

namespace SmartIsland.Host.Hosting;

/// <summary>
/// The background sweeps (reminders, escalation, keep-in-loop, anonymisation) on Quartz.NET (ADR 0007).
/// One SQLite node keeps its schedule in memory; on PostgreSQL every node joins one clustered store
/// in the platform database, so each firing runs on one node only. Settings: <c>Scheduler:Enabled</c>
/// (default true), <c>Scheduler:SweepSeconds</c> (60), <c>Scheduler:AnonymiseMinutes</c> (60),
/// <c>Scheduler:ScreeningCron</c> (the nightly tier screening, China time; default 02:30).
/// </summary>
public static class Scheduling
{
    /// <summary>Every node of one deployment shares this name: the clustered store groups its rows by it.</summary>
    public const string SchedulerName = "SmartIsland";

    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration config, PlatformSettings settings)
    {
        if (!config.GetValue("Scheduler:Enabled", true)) return services;
        var sweepEvery = TimeSpan.FromSeconds(Positive(config, "Scheduler:SweepSeconds", 60));
        var anonymiseEvery = TimeSpan.FromMinutes(Positive(config, "Scheduler:AnonymiseMinutes", 60));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = SchedulerName);
            // Quartz keeps real time even when the platform's clock is shifted (tests move TimeProvider
            // to put deadlines behind them); the sweeps read the platform's clock for "now".
            q.UseTimeProvider(TimeProvider.System);
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(settings.ConnectionString);
                    // A node paused longer than this (GC, a busy machine) is taken for dead and its firings
                    // recovered by another; 30 s covers such pauses, and a sweep a minute late is harmless.
                    store.UseClustering(c => c.CheckinMisfireThreshold = TimeSpan.FromSeconds(30));
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema(); // Quartz ships no SQL scripts; its qrtz_ tables are created on first start
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
            q.AddCaseSweeps(sweepEvery, anonymiseEvery);
            q.AddTierScreening(config["Scheduler:ScreeningCron"]);
            q.AddProjectReportReminders(sweepEvery);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static int Positive(IConfiguration config, string key, int fallback)
    {
        var value = config.GetValue(key, fallback);
        return value >= 1 ? value : throw new InvalidOperationException($"{key} must be at least 1, not {value}.");
    }
}
