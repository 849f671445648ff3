namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The previous windows' cut days (<see cref="CutDayTotals"/>) of the few windows asked last, per guild and bot rule: each
/// window cuts a different day (7 days back, 30, 90), so a dashboard that switches windows would otherwise read a whole day
/// of messages and reactions again at every switch (about a second at 20,000 members a day).
/// </summary>
internal sealed class KeptCutDays
{
    /// <summary>The dashboard's three windows; a custom range's cut day takes the place of the one asked least recently.</summary>
    public const int Capacity = 3;

    private readonly Dictionary<(long Guild, bool Bots), List<CutDayTotals>> _kept = [];

    /// <summary>The kept cut day <paramref name="day"/> of the guild and bot rule, whatever its versions (the caller checks them).</summary>
    public CutDayTotals? Get(long guild, bool bots, int day)
    {
        lock (_kept)
        {
            return _kept.GetValueOrDefault((guild, bots))?.Find(d => d.Day == day);
        }
    }

    /// <summary>Keeps <paramref name="read"/> as the most recently asked, in place of the same day's older one.</summary>
    public void Keep(long guild, CutDayTotals read)
    {
        lock (_kept)
        {
            if (!_kept.TryGetValue((guild, read.Bots), out var days))
            {
                days = [];
                _kept[(guild, read.Bots)] = days;
            }

            days.RemoveAll(d => d.Day == read.Day);
            days.Add(read);
            if (days.Count > Capacity)
            {
                days.RemoveAt(0);
            }
        }
    }
}
