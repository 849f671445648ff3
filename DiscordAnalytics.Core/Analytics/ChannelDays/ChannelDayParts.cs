namespace DiscordAnalytics.Core.Analytics.ChannelDays;

/// <summary>
/// What a reader of channel days needs beyond the day's counts (always read: a few hundred rollup rows a day). A year's
/// quarter hours are ~170k blobs and its leaders a pass over every reacted message (~7M at the large scale), so each is
/// read only for the cards that use it (<see cref="ChannelDayIndex"/>).
/// </summary>
[Flags]
internal enum ChannelDayParts
{
    /// <summary>The messages, reactions, threads and deletes of humans and of bots: the activity chart, totals, trending topics.</summary>
    Counts = 0,

    /// <summary>The messages per quarter hour: the heat map and hourly activity.</summary>
    QuarterHours = 1,

    /// <summary>The most reacted messages: top content.</summary>
    Leaders = 2,
}
