using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DiscordAnalytics.Tests.Storage;

/// <summary>
/// Member-days written before they named their earliest message (migration MemberDayFirstMessage) get it from the
/// message facts, so the writer's running minimum starts from the right message.
/// </summary>
public sealed class MemberDayFirstMessageMigrationTests
{
    private const long Guild = 1_000;

    [Fact]
    public async Task Migrate_ExistingMemberDays_GetTheirEarliestCreatedMessage_DeletedOrNot()
    {
        await using var store = new TempSqliteStore();
        await using (var db = store.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("KeywordDays");
        }

        await ExecuteAsync(store.ConnectionString, $"""
            INSERT INTO messageFacts (guildId, messageId, channelId, authorId, isBot, createdAt, day, isCreated, deletedAt) VALUES
                ({Guild}, 300, 1, 7, 0, 0, 20000, 1, 5),
                ({Guild}, 310, 1, 7, 0, 0, 20000, 1, NULL),
                ({Guild}, 200, 1, 7, 0, 0, 20001, 0, 5),
                ({Guild}, 250, 1, 7, 0, 0, 20001, 1, NULL),
                ({Guild}, 100, 1, 8, 0, 0, 20000, 1, NULL),
                ({Guild}, 90, 1, NULL, 0, 0, 20000, 1, NULL);
            INSERT INTO memberDailyRollups (guildId, day, userId, isBot, messagesSent, reactionsAdded, threadsStarted) VALUES
                ({Guild}, 20000, 7, 0, 1, 0, 0),
                ({Guild}, 20001, 7, 0, 1, 0, 0),
                ({Guild}, 20000, 8, 0, 1, 0, 0),
                ({Guild}, 20000, 9, 0, 0, 3, 0);
            """);

        await using (var db = store.NewContext())
        {
            await db.Database.MigrateAsync();
            var firsts = await db.MemberDailyRollups.ToDictionaryAsync(r => (r.Day, r.UserId), r => r.FirstMessageId);

            // A deleted message still counts as the day's earliest (the writer does the same); a tombstone of a
            // message never seen created does not; a member-day without messages has none.
            Assert.Equal(300, firsts[(20000, 7)]);
            Assert.Equal(250, firsts[(20001, 7)]);
            Assert.Equal(100, firsts[(20000, 8)]);
            Assert.Null(firsts[(20000, 9)]);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
