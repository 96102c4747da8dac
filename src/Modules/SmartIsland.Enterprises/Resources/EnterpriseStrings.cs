namespace SmartIsland.Enterprises.Resources;

/// <summary>Marker for the enterprise module's strings (EnterpriseStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class EnterpriseStrings;
