using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics.ChannelDays;

/// <summary>
/// One guild's channel rollups of one UTC day, as read at <see cref="Version"/>: the counts summed over its channels, the
/// quarter-hour message counts summed over its channels, and the day's most reacted messages (at most
/// <see cref="LeadersPerDay"/>, ranked by humans' reactions and by everyone's). Never changed once installed: a day that
/// moved on is read again and replaced, so what a reader is handed stays as it was.
/// </summary>
internal sealed class ChannelDay(long version)
{
    /// <summary>
    /// Leaders kept per day and ranking: a window's first candidates (top content asks for 2 × top + 20, at most 220) are
    /// each among their own day's first that many, since a message is counted on one day only.
    /// </summary>
    public const int LeadersPerDay = 256;

    public long Version { get; } = version;

    public DayCounts Humans { get; set; }

    public DayCounts Bots { get; set; }

    public long[] HumanQuarterHours { get; } = new long[QuarterHourCounts.PerDay];

    public long[] BotQuarterHours { get; } = new long[QuarterHourCounts.PerDay];

    /// <summary>By humans' score (then message id), only messages with a score above zero.</summary>
    public ContentLeader[] HumanLeaders { get; set; } = [];

    /// <summary>By humans' and bots' score together (then message id), only messages with a score above zero.</summary>
    public ContentLeader[] AllLeaders { get; set; } = [];

    /// <summary>Whether the day had more reacted messages than its leaders hold (then only its first LeadersPerDay are known).</summary>
    public bool LeadersCut { get; set; }

    public DayCounts Counts(bool bots) => bots ? Humans + Bots : Humans;

    public ContentLeader[] Leaders(bool bots) => bots ? AllLeaders : HumanLeaders;

    /// <summary>Ranks the day's reacted messages into both leader lists.</summary>
    public void Rank(List<ContentLeader> reacted)
    {
        LeadersCut = reacted.Count > LeadersPerDay;
        HumanLeaders = Top(reacted, bots: false);
        AllLeaders = Top(reacted, bots: true);
    }

    private static ContentLeader[] Top(List<ContentLeader> reacted, bool bots) =>
        [.. reacted.Where(c => c.ScoreWith(bots) > 0).OrderByDescending(c => c.ScoreWith(bots)).ThenBy(c => c.MessageId).Take(LeadersPerDay)];
}
