namespace DiscordAnalytics.Core.Analytics.Voice;

/// <summary>
/// A window's voice time (and its previous window's) summed over held voice days, in milliseconds: a whole day adds its
/// kept sums, everyone's or a role filter's own (<see cref="HolderVoiceDays"/>; its rows are visited only for the members
/// asked by name); the previous window's cut day adds its rows one by one. Built under the guild's gate; keeps no held day after it.
/// </summary>
internal sealed class VoiceWindowSums
{
    private readonly Dictionary<long, long> _memberMs;

    public VoiceWindowSums(IReadOnlyCollection<long> members) => _memberMs = members.ToDictionary(m => m, _ => 0L);

    public long TalkMs { get; private set; }

    public long MutedMs { get; private set; }

    public long AloneMs { get; private set; }

    /// <summary>Per channel: the window's time and the previous window's (cut).</summary>
    public Dictionary<long, (long Current, long Previous)> Channels { get; } = [];

    /// <summary>The window's time per UTC day and quarter hour (new arrays: the held days' are never handed out).</summary>
    public Dictionary<int, long[]> QuarterHours { get; } = [];

    /// <summary>The asked members' time in the window.</summary>
    public IReadOnlyDictionary<long, long> MemberMs => _memberMs;

    /// <summary>A day of the window (everyone's, or a role filter's own, <see cref="HolderVoiceDays"/>): its kept sums.</summary>
    public void AddCurrent(int day, HeldVoiceDay held)
    {
        var quarters = new long[held.QuarterHourMs.Length];
        QuarterHours[day] = quarters;
        (TalkMs, MutedMs, AloneMs) = (TalkMs + held.TalkMs, MutedMs + held.MutedMs, AloneMs + held.AloneMs);
        foreach (var (channel, ms) in held.ChannelMs)
        {
            var (current, previous) = Channels.GetValueOrDefault(channel);
            Channels[channel] = (current + ms, previous);
        }

        held.QuarterHourMs.CopyTo(quarters, 0);
        if (_memberMs.Count > 0)
        {
            foreach (var row in held.Rows)
            {
                AddMember(row);
            }
        }
    }

    /// <summary>A whole day of the previous window (everyone's, or a role filter's own).</summary>
    public void AddPrevious(HeldVoiceDay held)
    {
        foreach (var (channel, ms) in held.ChannelMs)
        {
            AddPrevious(channel, ms);
        }
    }

    /// <summary>The previous window's cut day: its quarter hours that start before <paramref name="endAt"/>.</summary>
    public void AddPreviousCut(int day, HeldVoiceDay held, long endAt, IReadOnlySet<long>? only)
    {
        foreach (var row in held.Rows)
        {
            if (only is null || only.Contains(row.User))
            {
                AddPrevious(row.Channel, row.MsBefore(day, endAt));
            }
        }
    }

    private void AddPrevious(long channel, long ms)
    {
        var (current, previous) = Channels.GetValueOrDefault(channel);
        Channels[channel] = (current, previous + ms);
    }

    private void AddMember(HeldVoiceRow row)
    {
        if (_memberMs.TryGetValue(row.User, out var sum))
        {
            _memberMs[row.User] = sum + row.TotalMs;
        }
    }
}
