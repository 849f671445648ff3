namespace DiscordAnalytics.Core.Analytics.Voice;

/// <summary>
/// A role filter's voice days: per day, the day's rows of one holder set's members (<see cref="Roles.RoleHolders"/>) with
/// their own sums, kept while the day's version is the one they were taken at, so a window under the filter merges sums
/// like an unfiltered one and a reload after a commit goes over that day's rows only. One per holder set, which is one
/// guild's: used under that guild's gate only (<see cref="VoiceDayIndex"/>).
/// </summary>
internal sealed class HolderVoiceDays(IReadOnlySet<long> holders)
{
    private readonly Dictionary<int, HeldVoiceDay> _days = [];

    /// <summary>The holders' part of <paramref name="held"/> (day <paramref name="day"/>), taken again when its version moved.</summary>
    public HeldVoiceDay Of(int day, HeldVoiceDay held)
    {
        if (_days.TryGetValue(day, out var kept) && kept.Version == held.Version)
        {
            return kept;
        }

        var own = new HeldVoiceDay(held.Version);
        foreach (var row in held.Rows)
        {
            if (holders.Contains(row.User))
            {
                own.Append(row);
            }
        }

        own.Trim();
        _days[day] = own;
        return own;
    }
}
