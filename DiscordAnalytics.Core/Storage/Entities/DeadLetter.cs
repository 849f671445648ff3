namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// An event the writer could not apply (table <c>ingestionDeadLetters</c>): an unforeseen shape or a bug, never a
/// store that refused writes. Kept whole, as its normalized JSON, until a retry applies it (and removes the row in
/// the same transaction) or its member is forgotten.
/// </summary>
public sealed class DeadLetter
{
    public long Id { get; set; }

    public long GuildId { get; set; }

    /// <summary>The stored type name (<c>message_create</c>, ...).</summary>
    public string EventType { get; set; } = string.Empty;

    /// <summary>The event's dedupe key: a retry after a fix applies it once, a second retry changes nothing.</summary>
    public string EventId { get; set; } = string.Empty;

    /// <summary>The author, reactor or member, so forgetting a member also drops their dead letters.</summary>
    public long? UserId { get; set; }

    /// <summary>The normalized event (<see cref="IngestEvent"/>) as JSON; what a retry feeds to the writer again.</summary>
    public string EventJson { get; set; } = string.Empty;

    public string ExceptionType { get; set; } = string.Empty;

    /// <summary>The exception's message, clipped; shown to the admin only.</summary>
    public string ExceptionMessage { get; set; } = string.Empty;

    /// <summary>When the event first failed (unix ms).</summary>
    public long FirstFailedAt { get; set; }

    /// <summary>When it last failed (unix ms): the first failure, or the latest retry that failed again.</summary>
    public long LastFailedAt { get; set; }

    /// <summary>How many times it failed: 1, plus one per failed retry.</summary>
    public int Attempts { get; set; }
}
