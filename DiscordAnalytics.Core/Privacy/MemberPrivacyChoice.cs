using System.Text.Json.Serialization;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Privacy;

/// <summary>
/// A member's opt-out: the word in the HTTP body and <c>GET .../privacy</c>, and <c>memberPrivacy.choice</c> (hidden and
/// forgotten only: visible is no row).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberPrivacyChoice>))]
public enum MemberPrivacyChoice
{
    /// <summary>Not stored: asking for it removes a hidden choice.</summary>
    [JsonStringEnumMemberName(StoredPrivacyChoices.Visible)]
    Visible,

    /// <summary>Counted anonymously: in every number, never listed by id or name.</summary>
    [JsonStringEnumMemberName(StoredPrivacyChoices.Hidden)]
    Hidden,

    /// <summary>Deleted everywhere, as if they had never been there; irreversible.</summary>
    [JsonStringEnumMemberName(StoredPrivacyChoices.Forgotten)]
    Forgotten,
}
