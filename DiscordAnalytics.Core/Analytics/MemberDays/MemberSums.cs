namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// Each member's summed rollups over a range of days (by dense member index), with who was active (a message or a
/// reaction on some day) and who reacted, and the version of every day it was summed at: reusable exactly as long as
/// none of those days changed. Members indexed after it was made have nothing in it.
/// </summary>
internal sealed class MemberSums
{
    private readonly int[] _messages;
    private readonly int[] _reactions;
    private readonly int[] _threads;
    private readonly bool[] _active;
    private readonly bool[] _reactor;

    private MemberSums(int members, int start, long[] versions)
    {
        (_messages, _reactions, _threads) = (new int[members], new int[members], new int[members]);
        (_active, _reactor) = (new bool[members], new bool[members]);
        (Start, Versions) = (start, versions);
    }

    public int Start { get; }

    /// <summary>The version of each day of the range (index 0 is <see cref="Start"/>) when it was summed.</summary>
    public long[] Versions { get; }

    public int ActiveCount { get; private set; }

    public int ReactorCount { get; private set; }

    public int Messages(int member) => member < _messages.Length ? _messages[member] : 0;

    public int Reactions(int member) => member < _reactions.Length ? _reactions[member] : 0;

    public int Threads(int member) => member < _threads.Length ? _threads[member] : 0;

    public bool IsActive(int member) => member < _active.Length && _active[member];

    public bool IsReactor(int member) => member < _reactor.Length && _reactor[member];

    /// <summary>Copies the sums into spans indexed by member (at least as long as this one's members; the rest is cleared).</summary>
    public void CopyTo(Span<int> messages, Span<int> reactions, Span<int> threads)
    {
        _messages.CopyTo(messages);
        _reactions.CopyTo(reactions);
        _threads.CopyTo(threads);
        messages[_messages.Length..].Clear();
        reactions[_reactions.Length..].Clear();
        threads[_threads.Length..].Clear();
    }

    /// <summary>Sums days <paramref name="start"/> (included) to <paramref name="end"/> (excluded); every one of them is held.</summary>
    public static MemberSums Over(GuildMemberDays guild, int start, int end, bool bots)
    {
        var versions = new long[Math.Max(0, end - start)];
        var sums = new MemberSums(guild.MemberCount, start, versions);
        for (var day = start; day < end; day++)
        {
            var held = guild.Day(day) ?? throw new InvalidOperationException($"Member day {day} is not held.");
            versions[day - start] = held.Version;
            sums.Add(held, bots);
        }

        return sums;
    }

    /// <summary>True while every day it was summed over is still at the version it was summed at.</summary>
    public bool IsCurrent(GuildMemberDays guild)
    {
        for (var i = 0; i < Versions.Length; i++)
        {
            if (guild.Day(Start + i) is not { } held || held.Version != Versions[i])
            {
                return false;
            }
        }

        return true;
    }

    private void Add(MemberDay day, bool bots)
    {
        for (var i = 0; i < day.Count; i++)
        {
            if (!bots && day.IsBotAt(i))
            {
                continue;
            }

            var (member, reactions) = (day.MemberAt(i), day.ReactionsAt(i));
            _messages[member] += day.MessagesAt(i);
            _reactions[member] += reactions;
            _threads[member] += day.ThreadsAt(i);
            if (day.IsActiveAt(i) && !_active[member])
            {
                _active[member] = true;
                ActiveCount++;
            }

            if (reactions > 0 && !_reactor[member])
            {
                _reactor[member] = true;
                ReactorCount++;
            }
        }
    }
}
