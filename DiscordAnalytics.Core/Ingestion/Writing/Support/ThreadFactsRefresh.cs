using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// Computes one thread's <c>supportThreads</c> row from its messages, inside the writer's transaction
/// (<see cref="ThreadStart"/>). Reads the thread's messages in time order only until both responses are found, so a long
/// thread costs what its first few messages cost.
/// </summary>
internal static class ThreadFactsRefresh
{
    public static void Run(SupportStatements sql, long guild, long thread)
    {
        var start = new ThreadStart(sql.SelectThreadOrigin.FirstOrNull(guild, thread));
        foreach (var message in sql.SelectThreadMessages.Rows(guild, thread))
        {
            if (start.Add(message))
            {
                break;
            }
        }

        Store(sql, guild, thread, start);
    }

    /// <summary>
    /// The same from what the batch's one read found (PostgreSQL); a thread whose first messages it read did not hold
    /// both responses is read again whole, as <see cref="Run(SupportStatements, long, long)"/> does.
    /// </summary>
    public static void Run(SupportStatements sql, long guild, long thread, ThreadRead read)
    {
        var start = new ThreadStart(read.Origin);
        var found = false;
        foreach (var message in read.Messages)
        {
            if (start.Add(message))
            {
                found = true;
                break;
            }
        }

        if (!found && !read.Complete)
        {
            Run(sql, guild, thread);
            return;
        }

        Store(sql, guild, thread, start);
    }

    private static void Store(SupportStatements sql, long guild, long thread, ThreadStart start)
    {
        if (start.OriginNotPlaced is not null)
        {
            // Only a thread channel makes a lone message in a channel a thread's start.
            if (!start.SawThreadMessage && sql.IsThread.Count(guild, thread) == 0)
            {
                sql.DeleteThread.Add(guild, thread);
                return;
            }

            start.PlaceOriginLast();
        }

        if (start.Starter is not { } s)
        {
            sql.DeleteThread.Add(guild, thread);
            return;
        }

        sql.UpsertThread.Add(guild, thread, s.CreatedAt, s.AuthorId, s.IsBot, s.IsGone, start.FirstHumanResponseAt, start.FirstResponseAt);
    }
}
