namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>
/// Summary <c>roleFilter</c>, present when the summary was asked with <c>roleId=</c>: which role, and which parts of the
/// summary are the role's holders' (<see cref="Filtered"/>) while the rest are the whole guild's.
/// </summary>
public sealed record RoleFilter(string RoleId, string Name, IReadOnlyList<string> Filtered)
{
    /// <summary>The summary fields restricted to the role's holders; every other field is the whole guild's.</summary>
    public static readonly IReadOnlyList<string> FilteredFields =
        [
            "totals.activeMembers", "totals.uniqueReactors", "totals.voiceMinutes", "totals.joins", "totals.leaves",
            "previousTotals.activeMembers", "previousTotals.uniqueReactors", "previousTotals.voiceMinutes", "previousTotals.joins", "previousTotals.leaves",
            "topMembers", "risingMembers", "activation", "engagement", "lurkers", "memberGrowth", "topVoiceChannels", "hourlyVoice", "roles", "roleChanges",
        ];
}
