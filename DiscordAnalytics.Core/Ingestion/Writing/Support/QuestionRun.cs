using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// Replays one channel's counted messages for one view (bots counted or not) from a point on, with the rule of
/// <see cref="SupportSignalsQuery"/>: a message first answers every open question of someone else's it may answer
/// (it replies to nothing, or to that question) within <see cref="SupportAnswers.Within"/>; a human,
/// non-reply message that answered nothing, started no thread and opens its author's run asks a question.
/// </summary>
internal sealed class QuestionRun(bool withBots, long? previousAuthor, List<OpenQuestion> open)
{
    private static readonly long Within = (long)SupportAnswers.Within.TotalMilliseconds;

    public bool WithBots => withBots;

    /// <summary>The questions that were open when the replay began (asked before its start).</summary>
    public IReadOnlyList<OpenQuestion> OpenAtStart { get; } = [.. open];

    /// <summary>Questions asked during the replay, in order.</summary>
    public List<OpenQuestion> Asked { get; } = [];

    /// <summary>Answers found during the replay: question message id to (answer time, answer message id).</summary>
    public Dictionary<long, (long At, long MessageId)> Answers { get; } = [];

    /// <summary>Questions that are still open (possibly past their 24 h; those can no longer be answered).</summary>
    public IReadOnlyList<OpenQuestion> Open => open;

    /// <summary>Where the replay stopped: the last message replayed (both null while none was).</summary>
    public (long At, long MessageId)? StoppedAfter { get; private set; }

    public bool Converged { get; private set; }

    /// <summary>Once converged: the stored answers (time, message) of the questions asked around that point.</summary>
    public Dictionary<long, (long? At, long? MessageId)> StoredAnswers { get; private set; } = [];

    public void Replay(ChannelMessage message)
    {
        if (Converged || (message.IsBot && !withBots))
        {
            return;
        }

        open.RemoveAll(q => message.CreatedAt - q.AskedAt > Within);
        var answered = false;
        for (var i = 0; i < open.Count; i++)
        {
            var question = open[i];
            if (question.AuthorId != message.AuthorId && (message.ReferencedMessageId is null || message.ReferencedMessageId == question.MessageId))
            {
                Answers[question.MessageId] = (message.CreatedAt, message.MessageId);
                open.RemoveAt(i--);
                answered = true;
            }
        }

        if (!answered && message.ReferencedMessageId is null && !message.IsBot && !message.StartedThread && message.AuthorId != previousAuthor)
        {
            var question = new OpenQuestion(message.MessageId, message.AuthorId, message.CreatedAt);
            open.Add(question);
            Asked.Add(question);
        }

        previousAuthor = message.AuthorId;
        StoppedAfter = (message.CreatedAt, message.MessageId);
    }

    /// <summary>
    /// After a message past every changed one, the replay may stop once its open questions (those that can still be
    /// answered) are exactly the ones the stored rows say were open at that point: from there on both see the same
    /// messages in the same state, so every later stored row is already right.
    /// </summary>
    public void CheckConverged(ChannelMessage message, IEnumerable<StoredQuestion> stored)
    {
        if (Converged || (message.IsBot && !withBots))
        {
            return;
        }

        var (at, id) = (message.CreatedAt, message.MessageId);
        var replayed = open.Where(q => q.AskedAt >= at - Within).Select(q => q.MessageId).ToHashSet();
        var before = stored.Where(q => q.AskedAt >= at - Within
            && (q.AskedAt < at || (q.AskedAt == at && q.MessageId <= id))
            && (q.AnsweredAt is not { } answeredAt || answeredAt > at || (answeredAt == at && q.AnswerMessageId > id)));
        Converged = replayed.SetEquals(before.Select(q => q.MessageId));
        if (Converged)
        {
            StoredAnswers = stored.ToDictionary(q => q.MessageId, q => (q.AnsweredAt, q.AnswerMessageId));
        }
    }
}
