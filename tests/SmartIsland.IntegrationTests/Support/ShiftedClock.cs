namespace SmartIsland.IntegrationTests.Support;

/// <summary>
/// A clock that starts at a fixed instant and then runs in real time, so deadline tests always fall
/// inside the loaded calendar years whatever day they run on. <see cref="Set"/> moves it (scheduler
/// tests put a deadline behind them); it runs on in real time from there.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private sealed record Origin(DateTimeOffset Start, DateTimeOffset RealStart);

    private volatile Origin origin = new(start.ToUniversalTime(), DateTimeOffset.UtcNow);

    public override DateTimeOffset GetUtcNow()
    {
        var o = origin;
        return o.Start + (DateTimeOffset.UtcNow - o.RealStart);
    }

    public void Set(DateTimeOffset instant) => origin = new(instant.ToUniversalTime(), DateTimeOffset.UtcNow);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
}
