using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Tests.Storage;

public sealed class StoreSchemaTests
{
    [Fact]
    public async Task Model_ComparedToMigrations_HasNoPendingChanges()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using var db = store.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run `dotnet ef migrations add` in DiscordAnalytics.Core.");
    }

    [Fact]
    public async Task Migrate_FreshFile_UsesWalAndClusteredCompositeKeys()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using var db = store.NewContext();
        await db.Database.OpenConnectionAsync();

        var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        var withoutRowId = await db.Database.SqlQueryRaw<string>(
            "SELECT name AS Value FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%' ORDER BY name").ToListAsync();

        Assert.Equal("wal", Assert.Single(journal));
        Assert.Equal(
            ["analyticsEvents", "backfillChannels", "channelDailyRollups", "channelDayQuarterHours", "channelDayVersions", "channels", "contentEmojiDays", "emojiDays", "escalationRoles", "forumSolvedTags", "guildDailyRollups", "helpChannelOverrides", "invites", "joinDayVersions", "keywordDayVersions", "keywordDays", "memberDailyRollups", "memberDayVersions", "memberJoins", "memberPrivacy", "memberRoleSpans", "memberRoleStates", "members", "messageFacts", "messageKindDays", "messageRoleMentions", "reactionClears", "reactionCounts", "reactionFacts", "roleGrants", "roles", "supportQuestions", "supportThreads", "threadClosings", "threadTags", "topContentDaily", "voiceDays", "voiceSessions"],
            withoutRowId);
    }
}
