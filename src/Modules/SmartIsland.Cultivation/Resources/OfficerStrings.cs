namespace SmartIsland.Cultivation.Resources;

/// <summary>Marker for the chief service officers' strings (OfficerStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class OfficerStrings;
