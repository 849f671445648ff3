using DiscordAnalytics.Core.Privacy;

namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// Top and rising members over in-memory window sums, ranked exactly as the SQL they replace ranked them: a bounded
/// heap keeps the best <c>n</c> while every member is visited once. Opted-out members are never listed.
/// </summary>
internal static class MemberRankings
{
    /// <summary>Members with a message, reaction or thread in the window, best first by <paramref name="ranking"/>, at most <paramref name="top"/>.</summary>
    public static List<RankedMember> Top(WindowSums sums, GuildMemberDays guild, VisibleMembers visible, MemberRanking ranking, int top)
    {
        Comparison<RankedMember> before = ranking switch
        {
            MemberRanking.ByMessages => (a, b) => Order(b.Messages, a.Messages, b.Reactions, a.Reactions, a.User, b.User),
            MemberRanking.ByReactions => (a, b) => Order(b.Reactions, a.Reactions, b.Messages, a.Messages, a.User, b.User),
            _ => (a, b) => Order(b.Messages + b.Reactions, a.Messages + a.Reactions, 0, 0, a.User, b.User),
        };
        return Best(Candidates(), before, top);

        IEnumerable<RankedMember> Candidates()
        {
            for (var member = 0; member < sums.Members; member++)
            {
                var (messages, reactions, threads) = sums.Of(member);
                if ((messages > 0 || reactions > 0 || threads > 0) && visible.IsListed(guild.UserAt(member)))
                {
                    yield return new RankedMember(guild.UserAt(member), messages, reactions, threads);
                }
            }
        }
    }

    /// <summary>
    /// Members with more messages in <paramref name="current"/> than in <paramref name="previous"/> (plus the previous
    /// window's cut hours, <paramref name="previousCut"/>), by the increase then user id, at most <paramref name="top"/>.
    /// <see cref="RankedMember.Messages"/> is the current count, <see cref="RankedMember.Reactions"/> the previous one.
    /// </summary>
    public static List<RankedMember> Rising(WindowSums current, WindowSums previous, IReadOnlyDictionary<long, long> previousCut, GuildMemberDays guild, VisibleMembers visible, int top)
    {
        return Best(Candidates(), (a, b) => Order(b.Messages - b.Reactions, a.Messages - a.Reactions, 0, 0, a.User, b.User), top);

        IEnumerable<RankedMember> Candidates()
        {
            for (var member = 0; member < current.Members; member++)
            {
                var now = current.Of(member).Messages;
                if (now <= 0)
                {
                    continue;
                }

                var user = guild.UserAt(member);
                var before = previous.Of(member).Messages + previousCut.GetValueOrDefault(user);
                if (now > before && visible.IsListed(user))
                {
                    yield return new RankedMember(user, now, before, 0);
                }
            }
        }
    }

    /// <summary>Negative when the first pair ranks first: keys compared in turn, the user id ascending last.</summary>
    private static int Order(long firstA, long firstB, long secondA, long secondB, long userA, long userB)
    {
        var first = firstA.CompareTo(firstB);
        if (first != 0)
        {
            return first;
        }

        var second = secondA.CompareTo(secondB);
        return second != 0 ? second : userA.CompareTo(userB);
    }

    private static List<RankedMember> Best(IEnumerable<RankedMember> candidates, Comparison<RankedMember> before, int top)
    {
        // The heap's minimum is the worst kept member, dropped whenever one more than top is held.
        var worstFirst = Comparer<RankedMember>.Create((a, b) => before(b, a));
        var heap = new PriorityQueue<RankedMember, RankedMember>(worstFirst);
        foreach (var candidate in candidates)
        {
            heap.Enqueue(candidate, candidate);
            if (heap.Count > top)
            {
                heap.Dequeue();
            }
        }

        var best = heap.UnorderedItems.Select(x => x.Element).ToList();
        best.Sort(before);
        return best;
    }
}
