using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.ChannelDays;

namespace DiscordAnalytics.Core.Analytics.ChannelDays;

/// <summary>
/// One guild's channel rollups of one UTC day, as read at <see cref="Version"/>: the counts summed over its channels, the
/// quarter-hour message counts summed over its channels, and the day's most reacted messages (at most
/// <see cref="LeadersPerDay"/>, ranked by humans' reactions and by everyone's). Never changed once installed: a day that
/// moved on is replaced (by the next version derived from a commit, <see cref="After"/>, or read again), so what a reader
/// is handed stays as it was.
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

    /// <summary>
    /// Whether the leaders were read (or derived from a read day): only top content asks for them (<see cref="ChannelDayParts"/>).
    /// A day without them is read again when they are asked for.
    /// </summary>
    public bool HasLeaders { get; private set; }

    /// <summary>Whether the quarter hours were read (else they are zeros): only the heat map and hourly activity ask for them.</summary>
    public bool HasQuarterHours { get; init; }

    /// <summary>The parts this day holds beyond its counts.</summary>
    public ChannelDayParts Parts => (HasQuarterHours ? ChannelDayParts.QuarterHours : 0) | (HasLeaders ? ChannelDayParts.Leaders : 0);

    /// <summary>Every reacted message of the day while there are no more than <see cref="LeadersPerDay"/> (a commit's score changes then apply exactly); null once cut.</summary>
    private ContentLeader[]? _reacted = [];

    public DayCounts Counts(bool bots) => bots ? Humans + Bots : Humans;

    public ContentLeader[] Leaders(bool bots) => bots ? AllLeaders : HumanLeaders;

    /// <summary>Ranks the day's reacted messages (every top-content row of the day) into both leader lists.</summary>
    public void Rank(List<ContentLeader> reacted)
    {
        HasLeaders = true;
        LeadersCut = reacted.Count > LeadersPerDay;
        _reacted = LeadersCut ? null : [.. reacted];
        HumanLeaders = Top(reacted, bots: false);
        AllLeaders = Top(reacted, bots: true);
    }

    /// <summary>
    /// Ranks a day that has more reacted messages than <see cref="LeadersPerDay"/> from <paramref name="candidates"/>, which
    /// hold at least each ranking's first <see cref="LeadersPerDay"/>: the same leaders as ranking every reacted message.
    /// </summary>
    public void RankCut(List<ContentLeader> candidates)
    {
        HasLeaders = true;
        LeadersCut = true;
        _reacted = null;
        HumanLeaders = Top(candidates, bots: false);
        AllLeaders = Top(candidates, bots: true);
    }

    /// <summary>
    /// This day with a commit's changes added, at the commit's version; null when the new leaders cannot be known from what
    /// is held (a cut day whose leader falls out of its first <see cref="LeadersPerDay"/>, or a message not held whose
    /// score rose): then the day is read again.
    /// </summary>
    public ChannelDay? After(ChannelDayCommit commit)
    {
        var next = new ChannelDay(commit.Version) { Humans = Humans + Of(commit.Humans), Bots = Bots + Of(commit.Bots), HasQuarterHours = HasQuarterHours };
        if (HasQuarterHours)
        {
            Sum(HumanQuarterHours, commit.HumanQuarterHours, next.HumanQuarterHours);
            Sum(BotQuarterHours, commit.BotQuarterHours, next.BotQuarterHours);
        }

        if (!HasLeaders)
        {
            // Counts only: the leaders stay unknown until asked for (then the day is read).
            return next;
        }

        if (commit.Content.Count == 0)
        {
            (next.HumanLeaders, next.AllLeaders, next.LeadersCut, next._reacted, next.HasLeaders) = (HumanLeaders, AllLeaders, LeadersCut, _reacted, true);
            return next;
        }

        if (_reacted is not null)
        {
            next.Rank(Changed(_reacted, commit.Content));
            return next;
        }

        return RankedLeaders.Apply(HumanLeaders, AllLeaders, commit.Content) is { } leaders
            ? next.WithLeaders(leaders.Humans, leaders.All)
            : null;
    }

    private ChannelDay WithLeaders(ContentLeader[] humans, ContentLeader[] all)
    {
        (HumanLeaders, AllLeaders, LeadersCut, _reacted, HasLeaders) = (humans, all, true, null, true);
        return this;
    }

    /// <summary>Every reacted message after the changes: a row whose scores are both back to zero or below is gone, as the writer drops it.</summary>
    private static List<ContentLeader> Changed(ContentLeader[] reacted, List<ContentChange> changes)
    {
        var rows = reacted.ToDictionary(r => r.MessageId);
        foreach (var change in changes)
        {
            var row = rows.TryGetValue(change.MessageId, out var held) ? held : new ContentLeader(change.MessageId, change.ChannelId, 0, 0);
            row = row with { Score = row.Score + change.Score, BotScore = row.BotScore + change.BotScore };
            if (row.Score <= 0 && row.BotScore <= 0)
            {
                rows.Remove(change.MessageId);
            }
            else
            {
                rows[change.MessageId] = row;
            }
        }

        return [.. rows.Values];
    }

    private static DayCounts Of(ChannelDayChange change) => new(change.Messages, change.Reactions, change.Threads, change.Deleted);

    private static void Sum(long[] held, long[] change, long[] into)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = held[i] + change[i];
        }
    }

    private static ContentLeader[] Top(List<ContentLeader> reacted, bool bots) =>
        [.. reacted.Where(c => c.ScoreWith(bots) > 0).OrderByDescending(c => c.ScoreWith(bots)).ThenBy(c => c.MessageId).Take(LeadersPerDay)];
}
