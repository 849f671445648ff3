using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Privacy;

/// <summary>Reads the opt-out word of a request (<c>hidden</c>, <c>forgotten</c> or <c>visible</c>, exactly as written).</summary>
public static class MemberPrivacyChoices
{
    public static bool IsKnown(string? choice) => StoredNames<MemberPrivacyChoice>.TryParse(choice, out _);
}
