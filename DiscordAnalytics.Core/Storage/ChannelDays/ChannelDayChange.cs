namespace DiscordAnalytics.Core.Storage.ChannelDays;

/// <summary>What one commit added to one author kind's channel rollups of a day, summed over the channels (negative for takebacks).</summary>
public readonly record struct ChannelDayChange(long Messages, long Reactions, long Threads, long Deleted)
{
    public static ChannelDayChange operator +(ChannelDayChange a, ChannelDayChange b) =>
        new(a.Messages + b.Messages, a.Reactions + b.Reactions, a.Threads + b.Threads, a.Deleted + b.Deleted);
}
