namespace SmartIsland.Cases.Resources;

/// <summary>Marker for the case module's strings (CaseStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class CaseStrings;
