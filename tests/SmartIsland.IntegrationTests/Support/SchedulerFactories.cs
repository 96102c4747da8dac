using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SmartIsland.Cases.Scheduling;

namespace SmartIsland.IntegrationTests.Support;

/// <summary>
/// Scheduler tests: the clock can be moved (<see cref="ShiftedClock.Set"/>); a finished case keeps
/// personal data for 30 days. <see cref="SweepSeconds"/> null: Quartz is off and a test runs the sweeps
/// itself; otherwise Quartz fires them every so many seconds of real time.
/// </summary>
public interface ISchedulerHost
{
    ShiftedClock Clock { get; }
    Task<HttpClient> ClientForAsync(string userName);
    IServiceProvider Services { get; }
}

public static class SchedulerHostExtensions
{
    public static async Task<EscalationSweepResult> SweepAsync(this ISchedulerHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalationSweep>().RunAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<int> AnonymiseAsync(this ISchedulerHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnonymisationSweep>().RunAsync(TestContext.Current.CancellationToken);
    }

    internal static void ConfigureScheduler(IWebHostBuilder builder, int? sweepSeconds)
    {
        builder.UseSetting("Cases:AnonymiseAfterDays", "30");
        builder.UseSetting("Scheduler:Enabled", sweepSeconds is null ? "false" : "true");
        if (sweepSeconds is { } s) builder.UseSetting("Scheduler:SweepSeconds", s.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
}

public class SweepSqliteFactory : SqliteFactory, ISchedulerHost
{
    protected virtual int? SweepSeconds => null;
    protected override DateTimeOffset? ClockStart => SchedulerHostExtensions.Start;
    public ShiftedClock Clock => (ShiftedClock)Services.GetRequiredService<TimeProvider>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SchedulerHostExtensions.ConfigureScheduler(builder, SweepSeconds);
    }
}

public class SweepPostgresFactory : PostgresFactory, ISchedulerHost
{
    protected virtual int? SweepSeconds => null;
    protected override DateTimeOffset? ClockStart => SchedulerHostExtensions.Start;
    public ShiftedClock Clock => (ShiftedClock)Services.GetRequiredService<TimeProvider>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SchedulerHostExtensions.ConfigureScheduler(builder, SweepSeconds);
    }
}

/// <summary>Quartz on, firing the sweeps every second: in memory on SQLite.</summary>
public sealed class QuartzSqliteFactory : SweepSqliteFactory
{
    protected override int? SweepSeconds => 1;
}

/// <summary>Quartz on, firing the sweeps every second: the clustered store on PostgreSQL.</summary>
public sealed class QuartzPostgresFactory : SweepPostgresFactory
{
    protected override int? SweepSeconds => 1;
}

/// <summary>One of several app nodes on one PostgreSQL database, each with its clustered Quartz firing every second.</summary>
public sealed class QuartzPostgresNode(string database) : PostgresDatabaseFactory(database), ISchedulerHost
{
    protected override DateTimeOffset? ClockStart => SchedulerHostExtensions.Start;
    public ShiftedClock Clock => (ShiftedClock)Services.GetRequiredService<TimeProvider>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SchedulerHostExtensions.ConfigureScheduler(builder, 1);
    }
}
