namespace SmartIsland.Enterprises.Resources;

/// <summary>Marker for the yearly figures, their review workflow, corrections and declared facts (FigureStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class FigureStrings;
