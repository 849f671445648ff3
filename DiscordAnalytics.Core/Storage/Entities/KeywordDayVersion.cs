namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// How many times the ingestion writer changed the excerpts of one guild's UTC day that keywords count (a row per guild
/// and day, absent until the first change), and whether every change since a version only added newer messages. The
/// in-memory keyword days (<see cref="Analytics.KeywordDayCache"/>) keep the version each day was counted at: a day that
/// moved on only by new messages reads just those (<see cref="LastMessageId"/>), any other change counts the day again.
/// </summary>
public sealed class KeywordDayVersion
{
    public long GuildId { get; set; }

    /// <summary>The UTC day (<see cref="DayBucket"/>) the messages were created on.</summary>
    public int Day { get; set; }

    /// <summary>Raised by one in the writer's transaction for each batch that created, edited, deleted or forgot a human message of the day.</summary>
    public long Version { get; set; }

    /// <summary>
    /// The last version whose change was more than new messages newer than every message of the day before it (an
    /// edit, a delete, a forget, a late message, or the row's first change): a copy counted at this version or later
    /// is brought up to date by the messages after <see cref="LastMessageId"/> it was counted with.
    /// </summary>
    public long RewrittenAt { get; set; }

    /// <summary>No message of the day has a larger id (the newest created, or the largest id around the day when the row was made).</summary>
    public long LastMessageId { get; set; }
}
