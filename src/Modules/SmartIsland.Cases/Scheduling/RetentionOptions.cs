namespace SmartIsland.Cases.Scheduling;

/// <summary>
/// How long a finished case keeps its requester's personal data (configuration section "Cases").
/// 个人信息保护法 §19 and GB/T 35273-2020 §6.1: keep personal information no longer than the purpose
/// needs, then delete or anonymise it. A year after closure covers revisits, complaints about the
/// handling and the yearly metrics.
/// </summary>
public sealed class RetentionOptions
{
    public int AnonymiseAfterDays { get; set; } = 365;
}
