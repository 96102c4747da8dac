namespace SmartIsland.Services.Resources;

/// <summary>Marker for the catalogue's texts (CatalogueStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class CatalogueStrings;
