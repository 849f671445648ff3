namespace DiscordAnalytics.Core.Digests;

/// <summary>A generated weekly digest (table <c>digests</c>): what it was built from, its (editable) Markdown, and how far posting got.</summary>
public sealed class Digest
{
    public long Id { get; set; }

    public long GuildId { get; set; }

    /// <summary>Epoch ms.</summary>
    public long CreatedAt { get; set; }

    /// <summary>First instant of the summarised week (epoch ms, UTC midnight).</summary>
    public long WindowStartAt { get; set; }

    /// <summary>Exclusive end of the summarised week (epoch ms).</summary>
    public long WindowEndAt { get; set; }

    /// <summary>The analytics summary (schema 1 JSON) the digest was written from; kept so it can be shown and checked later.</summary>
    public string SummaryJson { get; set; } = string.Empty;

    /// <summary>The digest text. Editable while <see cref="Status"/> is draft; frozen once a part is posted, so a resumed post sends the same parts.</summary>
    public string Markdown { get; set; } = string.Empty;

    /// <summary>Which generator drafted the suggested actions (e.g. <c>offline</c>).</summary>
    public string Generator { get; set; } = string.Empty;

    /// <summary><see cref="DigestStatus"/>: draft, partial or posted.</summary>
    public DigestStatus Status { get; set; } = DigestStatus.Draft;

    /// <summary>The channel the digest was (or is being) posted to.</summary>
    public long? PostedChannelId { get; set; }

    /// <summary>Ids of the Discord messages sent so far, comma separated, in part order: the post's progress.</summary>
    public string PostedMessageIds { get; set; } = string.Empty;

    /// <summary>When the last part was posted (epoch ms).</summary>
    public long? PostedAt { get; set; }

    /// <summary>Why the last post attempt stopped, for the owner; null after a successful post.</summary>
    public string? LastError { get; set; }

    /// <summary>Whether the weekly schedule created it (rather than a person).</summary>
    public bool Scheduled { get; set; }

    /// <summary>
    /// The text was scrubbed (a member was forgotten) after parts of it were posted: the posted messages still show the
    /// old text and must be edited to this one (<see cref="DigestPoster.EditPendingAsync"/>). Cleared only once every
    /// posted message was edited, so a failed or interrupted edit is tried again by the next run.
    /// </summary>
    public bool EditPending { get; set; }

    public IReadOnlyList<string> MessageIds =>
        PostedMessageIds.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
