namespace DiscordAnalytics.Core.Storage.MemberDays;

/// <summary>
/// One committed change to a guild's member rollups of one UTC day, with the day's stored version after it
/// (<see cref="Entities.MemberDayVersion"/>): either <see cref="Deltas"/> were added, or the member
/// <see cref="ForgottenUser"/> was forgotten and their row of the day deleted.
/// </summary>
public sealed record MemberDayCommit(long Guild, int Day, long Version, IReadOnlyList<MemberDayDelta> Deltas, long? ForgottenUser);
