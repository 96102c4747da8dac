namespace SmartIsland.Cases.Resources;

/// <summary>Marker for the metrics pages' strings (MetricsStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class MetricsStrings;
