namespace SmartIsland.Cultivation.Resources;

/// <summary>Marker for the module's shared strings (CultivationStrings.resx: zh-CN; .en.resx: English). Each area keeps its own file too.</summary>
public sealed class CultivationStrings;
