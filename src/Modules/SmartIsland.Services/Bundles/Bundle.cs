using SmartIsland.Platform.Tenancy;

namespace SmartIsland.Services.Bundles;

/// <summary>一件事一次办 (LifeEvent): several items handled as one, with one merged form and material list.</summary>
public sealed class Bundle : IZoneOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public bool Published { get; set; } = true;
    public int Version { get; set; }
    public List<BundleItem> Items { get; set; } = [];
}

public sealed class BundleItem : IZoneOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ZoneId { get; set; }
    public Guid BundleId { get; set; }
    public Guid ItemId { get; set; }
    public int SortOrder { get; set; }
}
