namespace SmartIsland.Projects.Resources;

/// <summary>Marker for the site review strings (ReviewStrings.resx, zh-CN neutral; .en.resx).</summary>
public sealed class ReviewStrings;
