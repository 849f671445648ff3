namespace DiscordAnalytics.Core.Storage.MemberDays;

/// <summary>What one committed batch added to one member's rollup of one day (negative for deletes and removals).</summary>
public readonly record struct MemberDayDelta(long User, bool IsBot, long Messages, long Reactions, long Threads)
{
    /// <summary>Voice time heard with others (ms): any makes the member active that day.</summary>
    public long TalkMs { get; init; }
}
