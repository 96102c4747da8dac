using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Rules.Data;

/// <summary>
/// A stored rule set: the definition as JSON, with its code, version and dates pulled out for querying.
/// <see cref="ZoneId"/> null is a national (official) set shipped with the platform; a zone's own version
/// carries its zone and replaces the national one there while in force.
/// </summary>
public sealed class RuleSetRecord : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? ZoneId { get; set; }
    public string Code { get; set; } = "";
    public string SetVersion { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveUntil { get; set; }
    public bool Official { get; set; }
    public string Definition { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
