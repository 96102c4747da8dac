namespace SmartIsland.Investment.Domain;

/// <summary>
/// How a lead moves: 线索 → 洽谈 → 签约 → 落地, one step back from 洽谈 to 线索 when talks stall, 终止 from any stage
/// before the project lands (not once it is a project), and a dropped lead reopened as a 线索. 落地 means the project
/// started, so the lead must have become a project first.
/// </summary>
public static class LeadStages
{
    public const string Rule = "investment.stage: 线索 → 洽谈 → 签约 → 落地; 洽谈 → 线索; 终止 before 落地 (not once converted); 终止 → 线索";

    private static readonly Dictionary<LeadStage, LeadStage[]> Next = new()
    {
        [LeadStage.Lead] = [LeadStage.Negotiating, LeadStage.Dropped],
        [LeadStage.Negotiating] = [LeadStage.Lead, LeadStage.Signed, LeadStage.Dropped],
        [LeadStage.Signed] = [LeadStage.Landed, LeadStage.Dropped],
        [LeadStage.Landed] = [],
        [LeadStage.Dropped] = [LeadStage.Lead],
    };

    public static IReadOnlyList<LeadStage> NextOf(LeadStage stage) => Next[stage];

    public static bool IsOpen(LeadStage stage) => stage is not (LeadStage.Landed or LeadStage.Dropped);

    /// <summary>The board's columns, left to right.</summary>
    public static readonly LeadStage[] Board = [LeadStage.Lead, LeadStage.Negotiating, LeadStage.Signed, LeadStage.Landed, LeadStage.Dropped];
}
