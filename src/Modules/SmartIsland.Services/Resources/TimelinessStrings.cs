namespace SmartIsland.Services.Resources;

/// <summary>Marker for the timeliness-figures texts (TimelinessStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class TimelinessStrings;
