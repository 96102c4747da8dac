namespace SmartIsland.Cultivation.Resources;

/// <summary>Marker for the per-mu evaluation's strings (PerformanceStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class PerformanceStrings;
