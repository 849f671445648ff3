namespace DiscordAnalytics.Core.Privacy;

/// <summary>The stored and spoken names of the opt-out choices (HTTP body, <c>memberPrivacy.choice</c>).</summary>
public static class MemberPrivacyChoices
{
    /// <summary>Counted anonymously: in every number, never listed by id or name.</summary>
    public const string Hidden = "hidden";

    /// <summary>Deleted everywhere, as if they had never been there; irreversible.</summary>
    public const string Forgotten = "forgotten";

    /// <summary>Not stored: asking for it removes a hidden choice.</summary>
    public const string Visible = "visible";

    public static bool IsKnown(string? choice) => choice is Hidden or Forgotten or Visible;
}
