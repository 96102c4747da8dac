namespace SmartIsland.Investment.Resources;

/// <summary>Marker for the module's strings (InvestmentStrings.resx, zh-CN neutral; .en.resx).</summary>
public sealed class InvestmentStrings;
