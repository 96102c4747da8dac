namespace SmartIsland.Services.Resources;

/// <summary>Marker for the bounded-discretion texts (DiscretionStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class DiscretionStrings;
