namespace SmartIsland.Projects.Resources;

/// <summary>Marker for the key-project dashboard's strings: DashboardStrings.resx, zh-CN neutral; .en.resx.</summary>
public sealed class DashboardStrings;
