using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// Computes one thread's <c>supportThreads</c> row from its messages, inside the writer's transaction: the starter is
/// the earliest of its messages and the message it was started from; each first response is the earliest later
/// message, not gone, by another author (humans only, and bots too). Reads the thread's messages in time order only
/// until both responses are found, so a long thread costs what its first few messages cost.
/// </summary>
internal static class ThreadFactsRefresh
{
    public static void Run(SupportStatements sql, long guild, long thread)
    {
        var origin = sql.SelectThreadOrigin.FirstOrNull(guild, thread);
        ThreadMessage? starter = null;
        long? human = null, anyone = null;
        var sawThreadMessage = false;

        void Visit(ThreadMessage message)
        {
            if (starter is not { } first)
            {
                starter = message;
                return;
            }

            if (message.IsGone || message.AuthorId is null || message.AuthorId == first.AuthorId)
            {
                return;
            }

            anyone ??= message.CreatedAt;
            if (!message.IsBot)
            {
                human ??= message.CreatedAt;
            }
        }

        foreach (var message in sql.SelectThreadMessages.Rows(guild, thread))
        {
            sawThreadMessage = true;
            if (origin is { } o && o.IsBefore(message))
            {
                Visit(o);
                origin = null;
            }

            Visit(message);
            if (human is not null && anyone is not null)
            {
                break;
            }
        }

        if (origin is { } last)
        {
            // Only a thread channel makes a lone message in a channel a thread's start.
            if (!sawThreadMessage && sql.IsThread.Count(guild, thread) == 0)
            {
                sql.DeleteThread.Add(guild, thread);
                return;
            }

            Visit(last);
        }

        if (starter is not { } s)
        {
            sql.DeleteThread.Add(guild, thread);
            return;
        }

        sql.UpsertThread.Add(guild, thread, s.CreatedAt, s.AuthorId, s.IsBot, s.IsGone, human, anyone);
    }
}
