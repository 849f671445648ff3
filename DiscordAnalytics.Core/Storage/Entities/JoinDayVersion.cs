namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// How many times the joins of one guild's UTC day changed: a member row whose <c>joinedAt</c> falls on the day was
/// added, deleted, or changed its join, first post or bot flag; a <c>memberJoins</c> row of that day was added, deleted
/// or changed (its first post, leave, attribution). A row per guild and day, absent until the first change. Stepped by
/// triggers on both tables in the transaction of the change, so every writer steps it. The activation and invites cards
/// keep each day's joins in memory at the version they were read at: only a day whose version moved is read again.
/// </summary>
public sealed class JoinDayVersion
{
    public long GuildId { get; set; }

    /// <summary>The UTC day (<see cref="DayBucket"/>) of the joins.</summary>
    public int Day { get; set; }

    public long Version { get; set; }
}
