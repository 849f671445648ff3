using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Tests.Discord.Replay;

/// <summary>
/// What a store file holds for one guild, read straight with SQLite (not through the app, which may be
/// dead or may require login): how many rows the events left (raw events plus created messages: a create
/// keeps no raw event row, its message fact is its record), created message ids and the human rollup sums.
/// Reaction adds leave no raw row either; their reaction facts are state, so they are not counted here.
/// </summary>
public sealed record StoreSnapshot(long EventRows, IReadOnlySet<ulong> CreatedMessages, long Messages, long Reactions, long Threads, long Deleted, long Joins, long Leaves)
{
    public static async Task<StoreSnapshot> ReadAsync(string databasePath, ulong guildId)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        var guild = (long)guildId;
        var rawRows = await ReadNumberAsync(connection, "SELECT count(*) FROM analyticsEvents WHERE guildId = @g", guild)
            + await ReadNumberAsync(connection, "SELECT count(*) FROM messageFacts WHERE guildId = @g AND isCreated = 1", guild);
        var created = new HashSet<ulong>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT messageId FROM messageFacts WHERE guildId = @g AND isCreated = 1";
            command.Parameters.AddWithValue("@g", guild);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                created.Add((ulong)reader.GetInt64(0));
            }
        }

        const string Channel = "FROM channelDailyRollups WHERE guildId = @g AND isBot = 0";
        const string Guild = "FROM guildDailyRollups WHERE guildId = @g AND isBot = 0";
        return new StoreSnapshot(
            rawRows,
            created,
            await ReadNumberAsync(connection, $"SELECT coalesce(sum(messageCount), 0) {Channel}", guild),
            await ReadNumberAsync(connection, $"SELECT coalesce(sum(reactionCount), 0) {Channel}", guild),
            await ReadNumberAsync(connection, $"SELECT coalesce(sum(threadCount), 0) {Channel}", guild),
            await ReadNumberAsync(connection, $"SELECT coalesce(sum(deletedCount), 0) {Channel}", guild),
            await ReadNumberAsync(connection, $"SELECT coalesce(sum(joins), 0) {Guild}", guild),
            await ReadNumberAsync(connection, $"SELECT coalesce(sum(leaves), 0) {Guild}", guild));
    }

    private static async Task<long> ReadNumberAsync(SqliteConnection connection, string sql, long guild)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@g", guild);
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }
}
