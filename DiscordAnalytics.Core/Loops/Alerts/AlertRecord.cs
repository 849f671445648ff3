namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>
/// One alert of a guild (table <c>alertHistory</c>): what it is about, its text, and where it stands. Unique per
/// (guild, kind, target): a thread or question is alerted at most once, a backlog crossing and a drop period once.
/// The text holds no message content and no member's name: channel mentions, counts and a jump link only.
/// </summary>
public sealed class AlertRecord
{
    public long Id { get; set; }

    public long GuildId { get; set; }

    public AlertKind Kind { get; set; }

    /// <summary><c>thread:{id}</c>, <c>question:{id}</c>, <c>backlog:{ms}</c> or <c>drop:{days}d:{day}</c>.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>The message posted (the role mention is added when sent).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The thread or message an unanswered alert links to; null for the others.</summary>
    public string? JumpUrl { get; set; }

    /// <summary>When it fell due (epoch ms).</summary>
    public long DueAt { get; set; }

    public AlertResult Result { get; set; }

    /// <summary>When it was sent, or last failed (epoch ms); null while due or held.</summary>
    public long? At { get; set; }

    public int Attempts { get; set; }

    /// <summary>Why it failed; null otherwise.</summary>
    public string? Message { get; set; }

    /// <summary>The Discord message that carried it, when sent.</summary>
    public long? PostedMessageId { get; set; }
}
