using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Tests.Insights;

namespace DiscordAnalytics.Tests.Digests;

/// <summary>Hand-built summaries for the digest writer.</summary>
public static class DigestSummaries
{
    /// <summary>
    /// The insight tests' busy week (messages 1,000 -> 1,234, up 23%; reactions 400 -> 300, down 25%; active members flat)
    /// as a custom window, with threads 0 -> 8 and a top message from a channel and author outside the top lists.
    /// </summary>
    public static AnalyticsSummary Busy()
    {
        var busy = InsightSummaries.Busy();
        return busy with
        {
            Window = busy.Window with { Kind = "custom" },
            PreviousTotals = busy.PreviousTotals with { ThreadsCreated = 0 },
            TopContent =
            [
                .. busy.TopContent,
                new("900000000000001001", "900000000000000099", "900000000000000199", 7, "from a channel and author outside the top lists",
                    "https://discord.com/channels/900000000000000001/900000000000000099/900000000000001001", 1_763_300_000_000),
            ],
        };
    }

    /// <summary><see cref="Busy"/> with every piece of user text hostile.</summary>
    public static AnalyticsSummary Hostile()
    {
        var busy = Busy();
        return busy with
        {
            GuildName = "<@&900000000000000777> **Room**",
            TopChannels = [busy.TopChannels[0] with { Name = "gen`eral @here [x](https://evil.example)" }, .. busy.TopChannels.Skip(1)],
            TopMembers = [busy.TopMembers[0] with { Name = DigestWorld.HostileName }, busy.TopMembers[1] with { Name = "line\n# fake heading\n@everyone" }],
            TopContent =
            [
                busy.TopContent[0] with { Excerpt = DigestWorld.HostileExcerpt + " [phish](javascript:alert(3))" },
                busy.TopContent[1] with { JumpUrl = "javascript:alert(4)" },
            ],
            SupportSignals = busy.SupportSignals with { CommonKeywords = [new("<@900000000000000100>", 2)] },
        };
    }
}
