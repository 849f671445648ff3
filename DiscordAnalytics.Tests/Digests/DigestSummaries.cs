using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Tests.Digests;

/// <summary>Hand-built summaries for the digest writer.</summary>
public static class DigestSummaries
{
    /// <summary>Messages 1,000 -> 1,234 (up 23%), reactions 400 -> 300 (down 25%), active members flat, threads 0 -> 8.</summary>
    public static AnalyticsSummary Busy() => new(
        AnalyticsSummary.CurrentSchemaVersion,
        "900000000000000001",
        "Trading Room",
        new SummaryWindow("custom", 1_763_078_400_000, 1_763_683_200_000, "UTC"),
        new Totals(1_234, 300, 8, 40, 20, 6, 2, 3),
        new Totals(1_000, 400, 0, 40, 25, 2, 1, 0),
        [
            new(new DateOnly(2026, 11, 14), 100, 30, 12),
            new(new DateOnly(2026, 11, 15), 150, 40, 15),
            new(new DateOnly(2026, 11, 16), 300, 60, 22),
            new(new DateOnly(2026, 11, 17), 200, 50, 18),
            new(new DateOnly(2026, 11, 18), 180, 45, 17),
            new(new DateOnly(2026, 11, 19), 160, 40, 16),
            new(new DateOnly(2026, 11, 20), 144, 35, 14),
        ],
        [
            new("900000000000000010", "general", 900, 200, 2),
            new("900000000000000011", "help", 300, 80, 6),
            new("900000000000000012", "random", 34, 20, 0),
        ],
        [
            new("900000000000000100", "alice", 120, 45, 3),
            new("900000000000000101", "bob", 90, 10, 1),
        ],
        [
            new("900000000000001000", "900000000000000010", "900000000000000100", 42, "I lost 500 credits on that trade",
                "https://discord.com/channels/900000000000000001/900000000000000010/900000000000001000", 1_763_300_000_000),
            new("900000000000001001", "900000000000000099", "900000000000000199", 7, "from a channel and author outside the top lists",
                "https://discord.com/channels/900000000000000001/900000000000000099/900000000000001001", 1_763_300_000_000),
        ],
        new SupportSignals(3, 17.5, [new("refund", 12), new("login", 7), new("portal", 4)]));

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
