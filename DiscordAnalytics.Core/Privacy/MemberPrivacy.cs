namespace DiscordAnalytics.Core.Privacy;

/// <summary>
/// A member's opt-out in one guild (table <c>memberPrivacy</c>): <c>hidden</c> (counted anonymously, never listed
/// by id or name) or <c>forgotten</c> (deleted everywhere, every later event of theirs dropped). No row = visible.
/// </summary>
public sealed class MemberPrivacy
{
    public long GuildId { get; set; }

    public long UserId { get; set; }

    /// <summary><see cref="MemberPrivacyChoice.Hidden"/> or <see cref="MemberPrivacyChoice.Forgotten"/> (stored as those words).</summary>
    public MemberPrivacyChoice Choice { get; set; } = MemberPrivacyChoice.Hidden;

    /// <summary>When the choice was made, unix ms.</summary>
    public long SetAt { get; set; }
}
