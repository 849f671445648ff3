using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>Two weeks of demo history, generated once for all the history tests.</summary>
public sealed class DemoHistoryFixture
{
    public const int Days = 14;

    /// <summary>2026-03-02T00:00:00Z, a Monday.</summary>
    public static readonly long To = DateTimeOffset.Parse("2026-03-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    public static readonly long From = To - Days * DemoRhythm.DayMs;

    public DemoHistoryFixture()
    {
        Community = DemoCommunity.Create(42);
        Events = [.. Community.History(From, To)];
        Messages = [.. Events.Where(e => e.Type == IngestEventType.MessageCreate)];
    }

    public DemoCommunity Community { get; }

    public IReadOnlyList<IngestEvent> Events { get; }

    public IReadOnlyList<IngestEvent> Messages { get; }
}
