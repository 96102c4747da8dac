namespace SmartIsland.Cases.Resources;

/// <summary>Marker for the Open311 interface's strings shown to people (Open311Strings.resx: zh-CN; .en.resx: English).</summary>
public sealed class Open311Strings;
