using System.Buffers;
using DiscordAnalytics.Core.Privacy;

namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// Top and rising members over in-memory window sums, ranked exactly as the SQL they replace ranked them: every member's
/// numbers are laid out once in pooled arrays (no allocation per read), then one pass keeps the best <c>n</c> in a
/// bounded heap, which a member enters only when it beats the worst kept. Opted-out members are never listed; with a role filter, only its holders are (<c>only</c>).
/// </summary>
internal static class MemberRankings
{
    /// <summary>Members with a message, reaction or thread in the window, best first by <paramref name="ranking"/>, at most <paramref name="top"/>.</summary>
    public static List<RankedMember> Top(WindowSums sums, GuildMemberDays guild, VisibleMembers visible, MemberRanking ranking, int top, IReadOnlySet<long>? only = null)
    {
        Comparison<RankedMember> before = ranking switch
        {
            MemberRanking.ByMessages => (a, b) => Order(b.Messages, a.Messages, b.Reactions, a.Reactions, a.User, b.User),
            MemberRanking.ByReactions => (a, b) => Order(b.Reactions, a.Reactions, b.Messages, a.Messages, a.User, b.User),
            _ => (a, b) => Order(b.Messages + b.Reactions, a.Messages + a.Reactions, 0, 0, a.User, b.User),
        };

        // The ranking's first key: a member whose first key is below the worst kept one's cannot be kept, whatever the rest.
        Func<long, long, long> first = ranking switch
        {
            MemberRanking.ByMessages => (m, _) => m,
            MemberRanking.ByReactions => (_, r) => r,
            _ => (m, r) => m + r,
        };

        var count = sums.Members;
        var (messages, reactions, threads) = (Rent(count), Rent(count), Rent(count));
        try
        {
            sums.CopyTo(messages, reactions, threads);
            var best = new Best(before, top);
            var floor = long.MinValue;
            for (var member = 0; member < count; member++)
            {
                var (m, r, t) = (messages[member], reactions[member], threads[member]);
                // Most members are below the kept ones' floor: skipped on one comparison, no candidate made.
                if ((m > 0 || r > 0 || t > 0) && first(m, r) >= floor)
                {
                    var candidate = new RankedMember(guild.UserAt(member), m, r, t);
                    if (best.Beats(candidate) && visible.IsListed(candidate.User) && (only is null || only.Contains(candidate.User)))
                    {
                        best.Add(candidate);
                        floor = best.Worst is { } worst ? first(worst.Messages, worst.Reactions) : long.MinValue;
                    }
                }
            }

            return best.InOrder();
        }
        finally
        {
            Return(messages, reactions, threads);
        }
    }

    /// <summary>
    /// Members with more messages in <paramref name="current"/> than in <paramref name="previous"/> (plus the previous
    /// window's cut hours, <paramref name="previousCut"/>), by the increase then user id, at most <paramref name="top"/>.
    /// <see cref="RankedMember.Messages"/> is the current count, <see cref="RankedMember.Reactions"/> the previous one.
    /// </summary>
    public static List<RankedMember> Rising(WindowSums current, WindowSums previous, IReadOnlyDictionary<long, long> previousCut, GuildMemberDays guild, VisibleMembers visible, int top, IReadOnlySet<long>? only = null)
    {
        var count = current.Members;
        var (now, before, scratch) = (Rent(count), Rent(count), Rent(count));
        try
        {
            current.CopyTo(now, scratch, scratch);
            previous.CopyTo(before, scratch, scratch);
            var best = new Best((a, b) => Order(b.Messages - b.Reactions, a.Messages - a.Reactions, 0, 0, a.User, b.User), top);
            var floor = long.MinValue;
            for (var member = 0; member < count; member++)
            {
                // The cut hours only add to before: a rise below the worst kept one's without them is below it with them.
                if (now[member] <= 0 || (long)now[member] - before[member] < floor)
                {
                    continue;
                }

                var user = guild.UserAt(member);
                var candidate = new RankedMember(user, now[member], before[member] + previousCut.GetValueOrDefault(user), 0);
                if (candidate.Messages > candidate.Reactions && best.Beats(candidate) && visible.IsListed(user) && (only is null || only.Contains(user)))
                {
                    best.Add(candidate);
                    floor = best.Worst is { } worst ? worst.Messages - worst.Reactions : long.MinValue;
                }
            }

            return best.InOrder();
        }
        finally
        {
            Return(now, before, scratch);
        }
    }

    private static int[] Rent(int length) => ArrayPool<int>.Shared.Rent(Math.Max(1, length));

    private static void Return(params int[][] arrays)
    {
        foreach (var array in arrays)
        {
            ArrayPool<int>.Shared.Return(array);
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

    /// <summary>The best <c>top</c> seen so far: a heap whose minimum is the worst kept.</summary>
    private sealed class Best(Comparison<RankedMember> before, int top)
    {
        private readonly PriorityQueue<RankedMember, RankedMember> _heap = new(Comparer<RankedMember>.Create((a, b) => before(b, a)));

        /// <summary>The worst kept once <c>top</c> are kept (a candidate must rank before it); null before.</summary>
        public RankedMember? Worst => top > 0 && _heap.Count == top ? _heap.Peek() : null;

        /// <summary>Whether the candidate would be kept: fewer than top are held, or it ranks before the worst held.</summary>
        public bool Beats(RankedMember candidate) => top > 0 && (_heap.Count < top || before(candidate, _heap.Peek()) < 0);

        public void Add(RankedMember candidate)
        {
            _heap.Enqueue(candidate, candidate);
            if (_heap.Count > top)
            {
                _heap.Dequeue();
            }
        }

        public List<RankedMember> InOrder()
        {
            var best = _heap.UnorderedItems.Select(x => x.Element).ToList();
            best.Sort(before);
            return best;
        }
    }
}
