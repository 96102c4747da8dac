namespace SmartIsland.IntegrationTests.Support;

/// <summary>
/// A clock that starts at a fixed instant and then runs in real time, so deadline tests always fall
/// inside the loaded calendar years whatever day they run on.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly DateTimeOffset realStart = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + (DateTimeOffset.UtcNow - realStart);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
}
