using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Tests.Discord.Replay;

/// <summary>
/// What a store file holds for one guild, read straight with SQLite (not through the app, which may be
/// dead or may require login): raw event count, created message ids and the human rollup sums.
/// </summary>
public sealed record StoreSnapshot(long RawRows, IReadOnlySet<ulong> CreatedMessages, long Messages, long Reactions, long Threads, long Deleted, long Joins, long Leaves)
{
    public static async Task<StoreSnapshot> ReadAsync(string databasePath, ulong guildId)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        var guild = (long)guildId;
        var rawRows = await ScalarAsync(connection, "SELECT count(*) FROM analyticsEvents WHERE guildId = @g", guild);
        var created = new HashSet<ulong>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT messageId FROM analyticsEvents WHERE guildId = @g AND eventType = 'message_create'";
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
            await ScalarAsync(connection, $"SELECT coalesce(sum(messageCount), 0) {Channel}", guild),
            await ScalarAsync(connection, $"SELECT coalesce(sum(reactionCount), 0) {Channel}", guild),
            await ScalarAsync(connection, $"SELECT coalesce(sum(threadCount), 0) {Channel}", guild),
            await ScalarAsync(connection, $"SELECT coalesce(sum(deletedCount), 0) {Channel}", guild),
            await ScalarAsync(connection, $"SELECT coalesce(sum(joins), 0) {Guild}", guild),
            await ScalarAsync(connection, $"SELECT coalesce(sum(leaves), 0) {Guild}", guild));
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, long guild)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@g", guild);
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }
}
