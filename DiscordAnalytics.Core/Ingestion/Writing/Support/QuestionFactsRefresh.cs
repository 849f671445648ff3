using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// Brings one channel's <c>supportQuestions</c> (both views) up to date after its messages changed between two times,
/// inside the writer's transaction. The state just before the first change (the previous counted message's author,
/// the questions still open) comes from the stored rows; the channel's messages are replayed from there in pages, and
/// the replay of a view stops at the first message after the last change where it is back in the stored state
/// (<see cref="QuestionRun.CheckConverged"/>): a live message costs a page of one, a late one the messages up to where
/// its effect ends, never the channel's history.
/// </summary>
internal static class QuestionFactsRefresh
{
    /// <summary>Messages read per page of the replay.</summary>
    public const int PageSize = 256;

    private static readonly long Within = (long)SupportAnswers.Within.TotalMilliseconds;

    /// <param name="start">What the replay reads before its first message, when read already for the batch (PostgreSQL); null to read it here.</param>
    public static void Run(SupportStatements sql, long guild, long channel, long from, long lastChanged, QuestionReplayStart? start = null)
    {
        QuestionRun[] runs = [Start(sql, guild, channel, from, withBots: false, start), Start(sql, guild, channel, from, withBots: true, start)];
        var stored = new List<StoredQuestion>[runs.Length];
        var (at, id) = (from, long.MinValue);
        var firstPage = start?.FirstPage;
        while (runs.Any(r => !r.Converged))
        {
            var page = firstPage ?? new List<ChannelMessage>(PageSize);
            if (firstPage is null)
            {
                foreach (var message in sql.SelectChannelMessages.Rows(guild, channel, at, id, PageSize))
                {
                    page.Add(message);
                }
            }

            firstPage = null;

            if (page.Count == 0)
            {
                break;
            }

            var checks = page[^1].CreatedAt > lastChanged;
            for (var i = 0; i < runs.Length && checks; i++)
            {
                stored[i] = runs[i].Converged ? [] : Questions(sql, guild, runs[i].WithBots, channel, page[0].CreatedAt - Within, page[^1].CreatedAt);
            }

            foreach (var message in page)
            {
                for (var i = 0; i < runs.Length; i++)
                {
                    runs[i].Replay(message);
                    if (message.CreatedAt > lastChanged)
                    {
                        runs[i].CheckConverged(message, stored[i]);
                    }
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            (at, id) = (page[^1].CreatedAt, page[^1].MessageId);
        }

        foreach (var run in runs)
        {
            Store(sql, guild, channel, from, run);
        }
    }

    private static QuestionRun Start(SupportStatements sql, long guild, long channel, long from, bool withBots, QuestionReplayStart? start)
    {
        var previous = start is null ? sql.SelectPreviousAuthor.FirstOrNull(guild, channel, from, withBots)?.AuthorId : start.PreviousAuthorOf(withBots);
        var open = (start?.BeforeOf(withBots) ?? Questions(sql, guild, withBots, channel, from - Within, from - 1))
            .Where(q => q.AnsweredAt is not { } answeredAt || answeredAt >= from)
            .OrderBy(q => q.AskedAt)
            .ThenBy(q => q.MessageId)
            .Select(q => new OpenQuestion(q.MessageId, q.AuthorId, q.AskedAt))
            .ToList();
        return new QuestionRun(withBots, previous, open);
    }

    private static List<StoredQuestion> Questions(SupportStatements sql, long guild, bool withBots, long channel, long from, long to)
    {
        var questions = new List<StoredQuestion>();
        foreach (var question in sql.SelectQuestions.Rows(guild, withBots, channel, from, to))
        {
            questions.Add(question);
        }

        return questions;
    }

    /// <summary>
    /// Replaces the view's questions asked from <paramref name="from"/> to where its replay stopped, and sets the
    /// answers of the questions that were open at the start. A question still open where the replay converged keeps
    /// the answer its stored row has (found after that point, by the same messages).
    /// </summary>
    private static void Store(SupportStatements sql, long guild, long channel, long from, QuestionRun run)
    {
        var (stopAt, stopId) = run.Converged && run.StoppedAfter is { } stop ? stop : (long.MaxValue, long.MaxValue);
        var stillOpen = run.Converged ? run.Open.Select(q => q.MessageId).ToHashSet() : [];
        sql.DeleteQuestions.Add(guild, run.WithBots, channel, from, stopAt, stopId);
        foreach (var question in run.Asked)
        {
            var (answeredAt, answerId) = run.Answers.TryGetValue(question.MessageId, out var answer)
                ? ((long?)answer.At, (long?)answer.MessageId)
                : stillOpen.Contains(question.MessageId) && run.StoredAnswers.TryGetValue(question.MessageId, out var kept) ? kept : (null, null);
            sql.UpsertQuestion.Add(guild, run.WithBots, question.MessageId, channel, question.AuthorId, question.AskedAt, answeredAt, answerId);
        }

        foreach (var question in run.OpenAtStart)
        {
            if (run.Answers.TryGetValue(question.MessageId, out var answer))
            {
                sql.SetAnswer.Add(guild, run.WithBots, question.MessageId, answer.At, answer.MessageId);
            }
            else if (!stillOpen.Contains(question.MessageId))
            {
                sql.SetAnswer.Add(guild, run.WithBots, question.MessageId, (long?)null, (long?)null);
            }
        }
    }
}
