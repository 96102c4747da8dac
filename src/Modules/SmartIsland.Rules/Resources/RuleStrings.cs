namespace SmartIsland.Rules.Resources;

/// <summary>Marker for the rules module's strings (RuleStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class RuleStrings;
