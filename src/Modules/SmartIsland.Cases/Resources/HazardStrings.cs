namespace SmartIsland.Cases.Resources;

/// <summary>Marker for the hazard ledger's strings (HazardStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class HazardStrings;
