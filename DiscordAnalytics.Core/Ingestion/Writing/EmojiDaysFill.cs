using System.Data.Common;
using DiscordAnalytics.Core.Storage;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>
/// When the migration that created <c>emojiDays</c> has just run on a store that already held reactions, fills it once
/// from the reaction state the store keeps (present identified reactions and a backfill's anonymous counts, each on
/// its message's day); the writer keeps it from then on. Messages by kind have no such fill: the files and full length
/// of messages stored before were never kept.
/// </summary>
internal sealed partial class EmojiDaysFill(ILogger<EmojiDaysFill> logger) : IMigrationFollowUp
{
    private const string FillSql = """
        INSERT INTO emojiDays (guildId, day, emoji, isBot, count)
        SELECT guildId, day, emoji, isBot, sum(n) FROM (
            SELECT guildId, day, emoji, isBot, count(*) AS n FROM reactionFacts WHERE removedAt IS NULL GROUP BY guildId, day, emoji, isBot
            UNION ALL
            SELECT guildId, day, emoji, FALSE, sum(anonymousCount) FROM reactionCounts WHERE anonymousCount > 0 GROUP BY guildId, day, emoji
        ) present
        GROUP BY guildId, day, emoji, isBot
        """;

    public async Task RunAsync(DbConnection connection, IReadOnlyCollection<string> applied, CancellationToken cancellationToken)
    {
        if (!applied.Any(m => m.EndsWith("_MessageKindsAndEmojis", StringComparison.Ordinal)))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = FillSql;
        var rows = await command.ExecuteNonQueryAsync(cancellationToken);
        LogFilled(logger, rows);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Emoji days filled from the stored reactions: {Rows} rows")]
    private static partial void LogFilled(ILogger logger, int rows);
}
