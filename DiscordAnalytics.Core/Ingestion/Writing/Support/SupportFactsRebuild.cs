using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Postgres;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;
using Npgsql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// Computes every thread's and every channel's support facts from the stored messages, in one transaction: for a store
/// that had messages before the writer kept these facts (the <c>SupportFacts</c> migration creates the tables empty).
/// Runs once, when the store starts right after that migration, before any writer or read.
/// </summary>
internal static class SupportFactsRebuild
{
    private const string SelectThreads = """
        SELECT guildId, channelId FROM channels WHERE isThread
        UNION SELECT DISTINCT guildId, threadId FROM messageFacts WHERE threadId IS NOT NULL
        """;

    /// <summary>Gathered rows sent at most (PostgreSQL), so a whole store's are never all in memory at once.</summary>
    private const int RowsPerSend = 10_000;

    private const string SelectChannels = "SELECT DISTINCT guildId, channelId FROM messageFacts WHERE threadId IS NULL";

    /// <summary>Returns how many threads and channels were computed.</summary>
    public static (int Threads, int Channels) Run(DbConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using var sql = new SupportStatements(connection);
        var threads = Pairs(connection, SelectThreads);
        foreach (var (guild, thread) in threads)
        {
            ThreadFactsRefresh.Run(sql, guild, thread);
            SendWhenMany(sql);
        }

        var channels = Pairs(connection, SelectChannels);
        foreach (var (guild, channel) in channels)
        {
            // From the epoch, and no change to converge after: the channel's whole history is replayed.
            QuestionFactsRefresh.Run(sql, guild, channel, 0, long.MaxValue);
            SendWhenMany(sql);
        }

        sql.SendWrites();
        // What is still queued (PostgreSQL) goes before the commit, or the last rows would be lost with the queue.
        if (connection is NpgsqlConnection npgsql)
        {
            StatementPipeline.Of(npgsql).Flush();
        }

        transaction.Commit();
        return (threads.Count, channels.Count);
    }

    private static void SendWhenMany(SupportStatements sql)
    {
        if (sql.PendingWrites >= RowsPerSend)
        {
            sql.SendWrites();
        }
    }

    private static List<(long, long)> Pairs(DbConnection connection, string text)
    {
        var pairs = new List<(long, long)>();
        using var statement = PreparedStatement.Create(connection, text);
        using var cursor = statement.Query();
        while (cursor.Read())
        {
            pairs.Add((cursor.GetInt64(0), cursor.GetInt64(1)));
        }

        return pairs;
    }
}
