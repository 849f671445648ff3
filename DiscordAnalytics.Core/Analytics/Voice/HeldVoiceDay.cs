using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Voice;

/// <summary>
/// One guild's voice rows of one UTC day in memory (<c>voiceDays</c>: per member and channel), at the member-day version
/// they equal, with the day's sums a window merges without visiting its rows: time by kind, per channel and per quarter
/// hour. A row's quarter hours are kept sparse (a session covers a few of the 96), so a year of ~2,000 talkers a day stays
/// near 100 bytes a row. Guarded by the guild's gate: changed in place by the writer's commits.
/// </summary>
internal sealed class HeldVoiceDay(long version)
{
    private readonly List<HeldVoiceRow> _rows = [];

    /// <summary>(channel, user) to row position; built on the first commit (most days are only merged).</summary>
    private Dictionary<(long Channel, long User), int>? _positions;

    /// <summary>The stored member-day version (<c>memberDayVersions</c>) this copy equals.</summary>
    public long Version { get; private set; } = version;

    public long TalkMs { get; private set; }

    public long MutedMs { get; private set; }

    public long AloneMs { get; private set; }

    /// <summary>All voice time per channel (talking, muted and alone).</summary>
    public Dictionary<long, long> ChannelMs { get; } = [];

    /// <summary>All voice time per quarter hour of the day (never handed out to be written).</summary>
    public long[] QuarterHourMs { get; } = new long[QuarterHourCounts.PerDay];

    public IReadOnlyList<HeldVoiceRow> Rows => _rows;

    /// <summary>Adds a row as read from the store (rows are unique by channel and member).</summary>
    public void Append(long channel, long user, long talkMs, long mutedMs, long aloneMs, ReadOnlySpan<long> quarterHourMs) =>
        Append(new HeldVoiceRow(channel, user, talkMs, mutedMs, aloneMs, HeldVoiceRow.Pack(quarterHourMs)));

    /// <summary>Adds a row (one of another day's: a row is never changed in place, a change replaces it).</summary>
    public void Append(HeldVoiceRow row)
    {
        _positions?.Add((row.Channel, row.User), _rows.Count);
        _rows.Add(row);
        Count(row, 1);
    }

    /// <summary>Adds a committed change, as the writer's upsert did to the stored row.</summary>
    public void Add(VoiceRowChange change)
    {
        var positions = Positions();
        if (!positions.TryGetValue((change.Channel, change.User), out var at))
        {
            Append(change.Channel, change.User, change.TalkMs, change.MutedMs, change.AloneMs, change.QuarterHourMs);
            return;
        }

        var held = _rows[at];
        Count(held, -1);
        Span<long> quarters = stackalloc long[QuarterHourCounts.PerDay];
        held.AddQuartersTo(quarters);
        for (var i = 0; i < quarters.Length; i++)
        {
            quarters[i] += change.QuarterHourMs[i];
        }

        var row = new HeldVoiceRow(
            held.Channel, held.User, held.TalkMs + change.TalkMs, held.MutedMs + change.MutedMs, held.AloneMs + change.AloneMs, HeldVoiceRow.Pack(quarters));
        _rows[at] = row;
        Count(row, 1);
    }

    /// <summary>Deletes a forgotten member's rows: the last row takes each one's place.</summary>
    public void Remove(long user)
    {
        var positions = Positions();
        for (var at = _rows.Count - 1; at >= 0; at--)
        {
            var row = _rows[at];
            if (row.User != user)
            {
                continue;
            }

            Count(row, -1);
            positions.Remove((row.Channel, row.User));
            var last = _rows.Count - 1;
            if (at != last)
            {
                _rows[at] = _rows[last];
                positions[(_rows[at].Channel, _rows[at].User)] = at;
            }

            _rows.RemoveAt(last);
        }
    }

    /// <summary>The day took a commit: it is at <paramref name="version"/> now.</summary>
    public void Stepped(long version) => Version = version;

    /// <summary>Drops the unused capacity once a day is read whole.</summary>
    public void Trim() => _rows.TrimExcess();

    private Dictionary<(long Channel, long User), int> Positions()
    {
        if (_positions is null)
        {
            _positions = new Dictionary<(long, long), int>(_rows.Count);
            for (var i = 0; i < _rows.Count; i++)
            {
                _positions[(_rows[i].Channel, _rows[i].User)] = i;
            }
        }

        return _positions;
    }

    /// <summary>Adds (<paramref name="sign"/> 1) or takes away (-1) a row's time from the day's sums.</summary>
    private void Count(HeldVoiceRow row, int sign)
    {
        (TalkMs, MutedMs, AloneMs) = (TalkMs + (sign * row.TalkMs), MutedMs + (sign * row.MutedMs), AloneMs + (sign * row.AloneMs));
        var channel = ChannelMs.GetValueOrDefault(row.Channel) + (sign * row.TotalMs);
        if (channel == 0)
        {
            ChannelMs.Remove(row.Channel);
        }
        else
        {
            ChannelMs[row.Channel] = channel;
        }

        foreach (var packed in row.Quarters)
        {
            QuarterHourMs[HeldVoiceRow.IndexOf(packed)] += sign * HeldVoiceRow.MsOf(packed);
        }
    }
}
