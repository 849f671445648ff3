using DiscordAnalytics.Core.Analytics.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>
/// One holder set's activity over a window of member days (active holders, reactors, their messages and reactions), kept so that
/// a reload costs what changed, not the holders: the holders marked by member-days index (only members indexed since
/// are looked up again), their sums over the window's closed days kept while those days stand (the same
/// <see cref="MemberSums"/> at the same day versions), and the window's last day (today) added entry by entry. One per
/// holder set, which is one guild's: used under that guild's gate only (<see cref="MemberDayIndex.ReadAsync{T}"/>).
/// </summary>
internal sealed class HolderActivity(HashSet<long> holders)
{
    private readonly List<int> _members = [];
    private bool[] _isHolder = [];
    private int _indexed;

    /// <summary>The closed days' sums, with and without bots (index 1 and 0), and what they were made from.</summary>
    private readonly ClosedPart?[] _closed = new ClosedPart?[2];

    public Counts Of(GuildMemberDays guild, WindowSums sums)
    {
        Index(guild);
        var closed = sums.Closed;
        var versions = closed.Versions.Sum();
        var slot = closed.Bots ? 1 : 0;
        if (_closed[slot] is not { } part || !ReferenceEquals(part.Sums, closed) || part.Versions != versions || part.Members != _members.Count)
        {
            var counts = default(Counts);
            foreach (var member in _members)
            {
                counts = new Counts(
                    counts.Active + (closed.IsActive(member) ? 1 : 0),
                    counts.Reactors + (closed.IsReactor(member) ? 1 : 0),
                    counts.Messages + closed.Messages(member),
                    counts.Reactions + closed.Reactions(member));
            }

            _closed[slot] = part = new ClosedPart(closed, versions, _members.Count, counts);
        }

        var total = part.Counts;
        if (sums.LastDay is { } last)
        {
            for (var i = 0; i < last.Count; i++)
            {
                var member = last.MemberAt(i);
                if (member < _isHolder.Length && _isHolder[member] && (closed.Bots || !last.IsBotAt(i)))
                {
                    total = new Counts(
                        total.Active + (last.IsActiveAt(i) && !closed.IsActive(member) ? 1 : 0),
                        total.Reactors + (last.ReactionsAt(i) > 0 && !closed.IsReactor(member) ? 1 : 0),
                        total.Messages + last.MessagesAt(i),
                        total.Reactions + last.ReactionsAt(i));
                }
            }
        }

        return total;
    }

    /// <summary>
    /// True at the member-days index of each holder the guild's member days know (members indexed since the last call are
    /// marked first): what a pass over member days counts under the role filter. Holders already marked stay marked, so a
    /// figure kept from an earlier mask changes only through members indexed since, whose days moved. Never change it.
    /// </summary>
    public bool[] Mask(GuildMemberDays guild)
    {
        Index(guild);
        return _isHolder;
    }

    /// <summary>
    /// Marks the holders among the members indexed since the last call: at first by looking each holder up, then by
    /// looking up each newly indexed member (indexes are only ever added).
    /// </summary>
    private void Index(GuildMemberDays guild)
    {
        var count = guild.MemberCount;
        if (count == _indexed)
        {
            return;
        }

        Array.Resize(ref _isHolder, count);
        if (_indexed == 0)
        {
            foreach (var user in holders)
            {
                if (guild.TryIndexOf(user, out var member))
                {
                    Mark(member);
                }
            }
        }
        else
        {
            for (var member = _indexed; member < count; member++)
            {
                if (holders.Contains(guild.UserAt(member)))
                {
                    Mark(member);
                }
            }
        }

        _indexed = count;
    }

    private void Mark(int member)
    {
        _isHolder[member] = true;
        _members.Add(member);
    }

    /// <summary>How many holders were active and reacted in the window, and their messages and reactions.</summary>
    internal readonly record struct Counts(int Active, int Reactors, long Messages, long Reactions);

    /// <summary>The holders' counts over the closed days of <see cref="Sums"/> while its day versions added up to <see cref="Versions"/> (they only grow).</summary>
    private sealed record ClosedPart(MemberSums Sums, long Versions, int Members, Counts Counts);
}
