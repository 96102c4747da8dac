namespace SmartIsland.Cultivation.Resources;

/// <summary>Marker for the enterprise portal's strings (PortalStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class PortalStrings;
