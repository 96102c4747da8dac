namespace SmartIsland.Cultivation.Resources;

/// <summary>Marker for the screening and reserve pools strings (PoolStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class PoolStrings;
