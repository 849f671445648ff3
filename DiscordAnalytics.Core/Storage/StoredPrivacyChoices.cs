namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// The text each member privacy choice is stored and spoken as (<c>memberPrivacy.choice</c>), as constants so SQL can
/// name a choice; <c>Privacy.MemberPrivacyChoice</c>'s attributes use them too: one spelling.
/// </summary>
public static class StoredPrivacyChoices
{
    public const string Visible = "visible";
    public const string Hidden = "hidden";
    public const string Forgotten = "forgotten";
}
