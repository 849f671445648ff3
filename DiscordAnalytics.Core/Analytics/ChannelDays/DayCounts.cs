namespace DiscordAnalytics.Core.Analytics.ChannelDays;

/// <summary>One author kind's channel rollups of a day, summed over the guild's channels.</summary>
internal readonly record struct DayCounts(long Messages, long Reactions, long Threads, long Deleted)
{
    public static DayCounts operator +(DayCounts a, DayCounts b) =>
        new(a.Messages + b.Messages, a.Reactions + b.Reactions, a.Threads + b.Threads, a.Deleted + b.Deleted);
}
