namespace SmartIsland.Cultivation.Resources;

/// <summary>Marker for the tiers area's strings (TierStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class TierStrings;
