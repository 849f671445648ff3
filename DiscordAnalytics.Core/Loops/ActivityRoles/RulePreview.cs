namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>
/// Who applying a rule now would give its role to and take it from. The counts include hidden members, the lists never
/// name them (<see cref="HiddenGains"/> and <see cref="HiddenLosses"/> say how many are left out).
/// </summary>
public sealed record RulePreview(
    string RuleId,
    RoleRuleKind Kind,
    long Threshold,
    int Days,
    string RoleId,
    int GainCount,
    int LossCount,
    IReadOnlyList<PreviewMember> Gains,
    IReadOnlyList<PreviewMember> Losses,
    int HiddenGains,
    int HiddenLosses);
