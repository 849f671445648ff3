using DiscordAnalytics.Core.Storage.ChannelDays;

namespace DiscordAnalytics.Core.Analytics.ChannelDays;

/// <summary>
/// One ranking's leaders of a cut day (more reacted messages than <see cref="ChannelDay.LeadersPerDay"/>) as a commit's
/// score changes move them, exactly or not at all. What is known: a list shorter than the limit holds every message
/// whose score is above zero; a full one holds the first <see cref="ChannelDay.LeadersPerDay"/>, and every message
/// outside it ranks after its last. A change keeps that true (a leader that rose, a message that passed the last one) or
/// is refused (a leader that fell past the last of a full list: who follows it is not held).
/// </summary>
internal sealed class RankedLeaders(ContentLeader[] held, bool bots)
{
    private readonly List<ContentLeader> _leaders = [.. held];

    /// <summary>
    /// Both rankings after <paramref name="changes"/>, or null when either cannot be known from the held leaders (or a
    /// message held in neither list gained score and the writer did not read its scores back).
    /// </summary>
    public static (ContentLeader[] Humans, ContentLeader[] All)? Apply(ContentLeader[] humans, ContentLeader[] all, List<ContentChange> changes)
    {
        var (byHumans, byAll) = (new RankedLeaders(humans, bots: false), new RankedLeaders(all, bots: true));
        var known = humans.Concat(all).DistinctBy(l => l.MessageId).ToDictionary(l => l.MessageId);
        foreach (var change in changes)
        {
            if (!known.TryGetValue(change.MessageId, out var before))
            {
                if (change.ScoresAfter is { } scores)
                {
                    // Outside both lists before (where exactly does not matter: it ranked after their last), known after.
                    before = new ContentLeader(change.MessageId, change.ChannelId, scores.Score - change.Score, scores.BotScore - change.BotScore);
                }
                else if (change.Score > 0 || change.Score + change.BotScore > 0)
                {
                    // Its scores before are not known: where it ranks now is not either.
                    return null;
                }
                else
                {
                    // Outside both lists, its scores only fell: it stays outside them.
                    continue;
                }
            }

            var after = before with { Score = before.Score + change.Score, BotScore = before.BotScore + change.BotScore };
            known[change.MessageId] = after;
            if (!byHumans.Move(before, after) || !byAll.Move(before, after))
            {
                return null;
            }
        }

        return ([.. byHumans._leaders], [.. byAll._leaders]);
    }

    private bool Full => _leaders.Count >= ChannelDay.LeadersPerDay;

    /// <summary>Moves a message from its scores <paramref name="before"/> to <paramref name="after"/>; false when the list can no longer be known.</summary>
    private bool Move(ContentLeader before, ContentLeader after)
    {
        var at = _leaders.FindIndex(l => l.MessageId == before.MessageId);
        var score = after.ScoreWith(bots);
        if (at < 0)
        {
            // Outside: below the last of a full list, or at zero or below when the list holds every scored message.
            if (score > 0 && (!Full || RanksBefore(after, _leaders[^1])))
            {
                Insert(after);
            }

            return true;
        }

        var (wasFull, last) = (Full, _leaders[^1]);
        _leaders.RemoveAt(at);
        if (!wasFull)
        {
            if (score > 0)
            {
                Insert(after);
            }

            return true;
        }

        // Full: every message outside ranks after the old last (after this one's old place, when it was the last).
        var bound = last.MessageId == before.MessageId ? before : last;
        var stays = score > 0 && (bound.MessageId == after.MessageId ? score >= bound.ScoreWith(bots) : RanksBefore(after, bound));
        if (stays)
        {
            Insert(after);
        }

        return stays;
    }

    private void Insert(ContentLeader leader)
    {
        _leaders.Add(leader);
        _leaders.Sort((a, b) => RanksBefore(a, b) ? -1 : RanksBefore(b, a) ? 1 : 0);
        if (_leaders.Count > ChannelDay.LeadersPerDay)
        {
            _leaders.RemoveAt(_leaders.Count - 1);
        }
    }

    /// <summary>The leaders' order: a higher score first, then the smaller message id.</summary>
    private bool RanksBefore(ContentLeader a, ContentLeader b) =>
        a.ScoreWith(bots) > b.ScoreWith(bots) || (a.ScoreWith(bots) == b.ScoreWith(bots) && a.MessageId < b.MessageId);
}
