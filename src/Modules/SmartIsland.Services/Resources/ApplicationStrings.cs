namespace SmartIsland.Services.Resources;

/// <summary>Marker for the applications' texts (ApplicationStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class ApplicationStrings;
