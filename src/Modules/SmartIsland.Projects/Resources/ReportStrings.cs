namespace SmartIsland.Projects.Resources;

/// <summary>Marker for the supervision strings (daily reports, lags, weekly pack): ReportStrings.resx, zh-CN neutral; .en.resx.</summary>
public sealed class ReportStrings;
