namespace SmartIsland.Platform.Tenancy;

/// <summary>
/// A row that belongs to one zone (the tenant). The platform context filters every query on such
/// rows to the signed-in user's zone and stamps the zone on new rows, so no module can forget it.
/// </summary>
public interface IZoneOwned
{
    Guid ZoneId { get; set; }
}

/// <summary>A row edited by people: <see cref="Version"/> is the optimistic-concurrency token.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
