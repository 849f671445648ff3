namespace DiscordAnalytics.Core.Analytics.Streaks;

/// <summary>
/// A guild's stored member-day versions (<c>memberDayVersions</c>) of days <see cref="First"/> to <see cref="End"/>
/// (excluded; a day missing is at 0), read by a caller in a statement it makes anyway (the leaderboard's, with the
/// guild's first day and time zone), so <see cref="ClosedStreaks"/> needs no statement of its own to check its state.
/// </summary>
internal sealed record StoredDayVersions(int First, int End, IReadOnlyDictionary<int, long> Versions)
{
    /// <summary>True when the versions cover days <see cref="First"/> to <paramref name="end"/> (excluded).</summary>
    public bool Covers(int end) => end <= End;
}
