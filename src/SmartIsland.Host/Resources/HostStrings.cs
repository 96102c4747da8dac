namespace SmartIsland.Host.Resources;

/// <summary>Marker for the app shell's strings (HostStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class HostStrings;
