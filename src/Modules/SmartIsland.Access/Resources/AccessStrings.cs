namespace SmartIsland.Access.Resources;

/// <summary>Marker for the access module's strings (AccessStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class AccessStrings;
