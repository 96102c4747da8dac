namespace SmartIsland.Projects.Resources;

/// <summary>Marker for the logistics strings (LogisticsStrings.resx, zh-CN neutral; .en.resx).</summary>
public sealed class LogisticsStrings;
