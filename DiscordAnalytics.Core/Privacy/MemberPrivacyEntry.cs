namespace DiscordAnalytics.Core.Privacy;

/// <summary>One member's opt-out as the Settings page and <c>GET .../privacy</c> show it.</summary>
/// <param name="DisplayName">Null for a forgotten member: their member row is gone, so we no longer know it.</param>
/// <param name="SetAt">When the choice was made, unix ms.</param>
public sealed record MemberPrivacyEntry(string UserId, string? DisplayName, MemberPrivacyChoice Choice, long SetAt);
