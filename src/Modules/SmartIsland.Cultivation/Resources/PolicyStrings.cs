namespace SmartIsland.Cultivation.Resources;

/// <summary>Marker for the policies area's strings (PolicyStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class PolicyStrings;
