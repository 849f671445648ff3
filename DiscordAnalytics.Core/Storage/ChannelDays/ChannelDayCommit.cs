namespace DiscordAnalytics.Core.Storage.ChannelDays;

/// <summary>
/// One committed batch's changes to one guild's channel rollups of one UTC day, summed over the day's channels, with the
/// day's stored version after it (<see cref="Entities.ChannelDayVersion"/>). Built by the writer before the commit and
/// never changed once handed over.
/// </summary>
public sealed class ChannelDayCommit(long guild, int day)
{
    public long Guild { get; } = guild;

    public int Day { get; } = day;

    /// <summary>The day's stored version after this commit; set when the writer stepped it.</summary>
    public long Version { get; internal set; }

    public ChannelDayChange Humans { get; internal set; }

    public ChannelDayChange Bots { get; internal set; }

    /// <summary>Humans' message count changes per quarter hour of the day.</summary>
    public long[] HumanQuarterHours { get; } = new long[QuarterHourCounts.PerDay];

    /// <summary>Bots' message count changes per quarter hour of the day.</summary>
    public long[] BotQuarterHours { get; } = new long[QuarterHourCounts.PerDay];

    /// <summary>Score changes of the day's reacted messages (the day's top-content rows), in no particular order, one per message.</summary>
    public List<ContentChange> Content { get; } = [];
}
