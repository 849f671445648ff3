namespace DiscordAnalytics.Core.Analytics.Voice;

/// <summary>
/// The voice numbers of a window: minutes in voice (AFK channel excluded; talking, muted and alone alike), the same for
/// the previous window cut to the same elapsed time (to the quarter hour), top channels, and per local weekday and hour.
/// </summary>
/// <param name="Minutes">Voice minutes of the window.</param>
/// <param name="PreviousMinutes">Voice minutes of the previous window, cut like the totals.</param>
/// <param name="TalkMinutes">Of <paramref name="Minutes"/>, heard with others in the channel.</param>
/// <param name="MutedMinutes">Of <paramref name="Minutes"/>, muted or deafened (self or server), or listening on a stage.</param>
/// <param name="AloneMinutes">Of <paramref name="Minutes"/>, not muted but alone in the channel.</param>
/// <param name="TopChannels">Channels by minutes, best first, ties by id.</param>
/// <param name="HeatMap">Minutes per weekday and local hour.</param>
/// <param name="MemberMinutes">Minutes of the members asked for (by user id).</param>
public sealed record VoiceSummary(
    long Minutes,
    long PreviousMinutes,
    long TalkMinutes,
    long MutedMinutes,
    long AloneMinutes,
    IReadOnlyList<VoiceChannelStat> TopChannels,
    HeatMap HeatMap,
    IReadOnlyDictionary<long, long> MemberMinutes)
{
    /// <summary>All 24 hours, zero-filled (summary <c>hourlyVoice</c>).</summary>
    public IReadOnlyList<HourlyVoice> Hourly => [.. Enumerable.Range(0, 24).Select(hour => new HourlyVoice(hour, HeatMap.Cells.Sum(day => day[hour])))];
}
