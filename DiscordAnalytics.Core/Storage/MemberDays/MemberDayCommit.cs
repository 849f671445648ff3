namespace DiscordAnalytics.Core.Storage.MemberDays;

/// <summary>
/// One committed change to a guild's member rollups of one UTC day, with the day's stored version after it
/// (<see cref="Entities.MemberDayVersion"/>): either <see cref="Deltas"/> were added, or the member
/// <see cref="ForgottenUser"/> was forgotten and their row of the day deleted.
/// </summary>
public sealed record MemberDayCommit(long Guild, int Day, long Version, IReadOnlyList<MemberDayDelta> Deltas, long? ForgottenUser)
{
    /// <summary>
    /// The day's voice rows the batch added to (<c>voiceDays</c>). Voice time always comes with a member rollup change of
    /// the same day (its voice milliseconds) and a forget deletes the member's voice rows with their member rows, so the
    /// member-day version is the voice rows' version too: the in-memory voice days take the same commits.
    /// </summary>
    public IReadOnlyList<VoiceRowChange> Voice { get; init; } = [];
}
