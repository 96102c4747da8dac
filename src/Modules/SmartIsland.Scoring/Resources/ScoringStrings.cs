namespace SmartIsland.Scoring.Resources;

/// <summary>Marker for the scoring engine's messages (ScoringStrings.resx: zh-CN; .en.resx: English).</summary>
public sealed class ScoringStrings;
