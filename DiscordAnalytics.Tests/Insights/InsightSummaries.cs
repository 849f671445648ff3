using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Tests.Insights;

/// <summary>Hand-built summaries for generator and grounding tests.</summary>
public static class InsightSummaries
{
    /// <summary>
    /// Messages 1,000 -> 1,234 (up 23%), reactions 400 -> 300 (down 25%), active members flat, joins 2 -> 6 (up 200%);
    /// #random is quiet (34 messages, 120 in the previous window); #help has a third of #general's messages but more than before; Monday 2026-11-16 is the busiest day; 3 unanswered help threads out of 8 new threads.
    /// </summary>
    public static AnalyticsSummary Busy() => new(
        AnalyticsSummary.CurrentSchemaVersion,
        "900000000000000001",
        "Trading Room",
        new SummaryWindow("last_7_days", 1_763_078_400_000, 1_763_683_200_000, "UTC"),
        new Totals(1_234, 300, 8, 40, 20, 6, 2, 3),
        new Totals(1_000, 400, 5, 40, 25, 2, 1, 0),
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
            new("900000000000000010", "general", 900, 200, 2) { PreviousMessageCount = 700 },
            new("900000000000000011", "help", 300, 80, 6) { PreviousMessageCount = 180 },
            new("900000000000000012", "random", 34, 20, 0) { PreviousMessageCount = 120 },
        ],
        [
            new("900000000000000100", "alice", 120, 45, 3),
            new("900000000000000101", "bob", 90, 10, 1),
        ],
        [
            new("900000000000001000", "900000000000000010", "900000000000000100", 42, "I lost 500 credits on that trade",
                "https://discord.com/channels/900000000000000001/900000000000000010/900000000000001000", 1_763_300_000_000),
        ],
        new SupportSignals(3, 17.5, [new("refund", 12), new("login", 7), new("portal", 4)]));
}
