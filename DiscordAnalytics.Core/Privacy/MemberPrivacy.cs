namespace DiscordAnalytics.Core.Privacy;

/// <summary>
/// A member's opt-out in one guild (table <c>memberPrivacy</c>): <c>hidden</c> (counted anonymously, never listed
/// by id or name) or <c>forgotten</c> (deleted everywhere, every later event of theirs dropped). No row = visible.
/// </summary>
public sealed class MemberPrivacy
{
    public long GuildId { get; set; }

    public long UserId { get; set; }

    /// <summary><see cref="MemberPrivacyChoices.Hidden"/> or <see cref="MemberPrivacyChoices.Forgotten"/>.</summary>
    public string Choice { get; set; } = MemberPrivacyChoices.Hidden;

    /// <summary>When the choice was made, unix ms.</summary>
    public long SetAt { get; set; }
}
