namespace SmartIsland.Services.Resources;

/// <summary>Marker for the public guide's texts (GuideStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class GuideStrings;
