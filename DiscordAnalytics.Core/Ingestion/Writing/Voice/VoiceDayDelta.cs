using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>A batch's voice time for one <c>voiceDays</c> row (member, channel, UTC day), in milliseconds.</summary>
internal sealed class VoiceDayDelta
{
    public long TalkMs;
    public long MutedMs;
    public long AloneMs;
    public long[] QuarterHourMs { get; } = new long[QuarterHourCounts.PerDay];

    /// <summary><see cref="TalkMs"/> per quarter hour: the local day a member talked on, for streaks.</summary>
    public long[] TalkQuarterHourMs { get; } = new long[QuarterHourCounts.PerDay];
}
