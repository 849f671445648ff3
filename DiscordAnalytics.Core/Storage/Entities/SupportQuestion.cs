namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// A question asked directly in a channel (not in a thread) and its answer (<c>supportQuestions</c>), once with bots
/// counted and once without (they answer, and break runs, only with <c>IncludeBots</c>). Kept by the ingestion writer
/// for every top-level channel in the transaction that changes the channel's messages; which channels are help
/// channels is applied when read. Rules: <see cref="Analytics.SupportSignalsQuery"/>.
/// </summary>
public sealed class SupportQuestion
{
    public long GuildId { get; set; }

    /// <summary>Whether bots' messages took part in the computation (the <c>IncludeBots</c> view).</summary>
    public bool WithBots { get; set; }

    /// <summary>The question's message.</summary>
    public long MessageId { get; set; }

    public long ChannelId { get; set; }

    public long AuthorId { get; set; }

    public long AskedAt { get; set; }

    /// <summary>When its answer was posted (within 24 h); null while unanswered.</summary>
    public long? AnsweredAt { get; set; }

    public long? AnswerMessageId { get; set; }
}
