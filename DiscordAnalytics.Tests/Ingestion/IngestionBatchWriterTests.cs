using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>The writer's rules, one at a time, against a real store (a SQLite file, a PostgreSQL database).</summary>
public abstract class IngestionBatchWriterTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong Guild = 1_000;
    private const ulong General = 11;
    private const ulong Thread = 12;
    private static readonly long T0 = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly ulong Message = Snowflake.FromUnixMs(T0);
    private TempSqliteStore _store = null!;
    private IngestionBatchWriter _writer = null!;
    private readonly CapturingLoggerProvider _log = new();

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        _writer = new IngestionBatchWriter(_store.Storage, GuildMode.Live, _log.CreateLogger("writer"));
        await WriteAsync(
            new IngestEvent { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = T0, ChannelId = General, Name = "general", ChannelType = 0 },
            new IngestEvent { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = T0, ChannelId = Thread, Name = "a thread", ChannelType = 11, ParentId = General });
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Write_MessageInThread_CountsForParentAndKeepsThreadId()
    {
        await WriteAsync(Create(Message, Thread, user: 7));

        await using var db = _store.NewContext();
        var fact = await db.MessageFacts.SingleAsync();
        Assert.Equal((long)General, fact.ChannelId);
        Assert.Equal((long)Thread, fact.ThreadId);
        Assert.Equal(1, await db.ChannelDailyRollups.Where(r => r.ChannelId == (long)General).SumAsync(r => r.MessageCount));
    }

    [Fact]
    public async Task Write_ReactionOnUnknownMessage_CountsOnTheMessageSnowflakeDay()
    {
        var oldMessage = Snowflake.FromUnixMs(T0 - (3 * 86_400_000L));
        await WriteAsync(React(IngestEventType.ReactionAdd, oldMessage, user: 8, "🔥", T0));

        await using var db = _store.NewContext();
        var rollup = await db.ChannelDailyRollups.SingleAsync();
        Assert.Equal(1, rollup.ReactionCount);
        Assert.Equal((int)((T0 / 86_400_000) - 3), rollup.Day);
        Assert.Equal(1, (await db.TopContentDaily.SingleAsync()).ReactionScore);
    }

    [Fact]
    public async Task Write_SameReactionAddedTwiceThenRemovedOnce_IsGone()
    {
        await WriteAsync(
            Create(Message, General, user: 7),
            React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 1),
            React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 2),
            React(IngestEventType.ReactionRemove, Message, user: 8, "👍", T0 + 3),
            React(IngestEventType.ReactionRemove, Message, user: 8, "👍", T0 + 4));

        await using var db = _store.NewContext();
        Assert.Equal(0, await db.ChannelDailyRollups.SumAsync(r => r.ReactionCount));
        Assert.Equal(0, await db.MemberDailyRollups.SumAsync(r => r.ReactionsAdded));
        Assert.Empty(await db.TopContentDaily.ToListAsync());
    }

    [Fact]
    public async Task Write_DeleteBeforeCreate_MessageNeverCountsAndLaterReactionsAreIgnored()
    {
        await WriteAsync(
            new IngestEvent { Type = IngestEventType.MessageDelete, GuildId = Guild, EventAt = T0 + 5, ChannelId = General, MessageId = Message },
            Create(Message, General, user: 7),
            React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 9));

        await using var db = _store.NewContext();
        Assert.Equal(0, await db.ChannelDailyRollups.SumAsync(r => r.MessageCount));
        Assert.Equal(1, await db.ChannelDailyRollups.SumAsync(r => r.DeletedCount));
        Assert.Equal(0, await db.ChannelDailyRollups.SumAsync(r => r.ReactionCount));
    }

    [Fact]
    public async Task Write_DeleteWithoutChannelBeforeCreate_MessageStillNeverCounts()
    {
        await WriteAsync(
            new IngestEvent { Type = IngestEventType.MessageDelete, GuildId = Guild, EventAt = T0 + 5, MessageId = Message },
            Create(Message, General, user: 7));

        await using var db = _store.NewContext();
        Assert.Equal(0, await db.ChannelDailyRollups.SumAsync(r => r.MessageCount));
        Assert.Equal(0, await db.MemberDailyRollups.SumAsync(r => r.MessagesSent));
    }

    [Fact]
    public async Task Write_DeleteOfReactedMessage_SubtractsMessageAndItsReactions()
    {
        await WriteAsync(Create(Message, General, user: 7), React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 1));
        await WriteAsync(new IngestEvent { Type = IngestEventType.MessageDelete, GuildId = Guild, EventAt = T0 + 5, ChannelId = General, MessageId = Message });

        await using var db = _store.NewContext();
        Assert.Equal(0, await db.ChannelDailyRollups.SumAsync(r => r.MessageCount));
        Assert.Equal(0, await db.ChannelDailyRollups.SumAsync(r => r.ReactionCount));
        Assert.Equal(0, await db.MemberDailyRollups.SumAsync(r => r.MessagesSent + r.ReactionsAdded));
        Assert.Empty(await db.TopContentDaily.ToListAsync());
    }

    [Fact]
    public async Task Write_LongContent_StoresAtMost280CharactersWithoutSplittingAnEmoji()
    {
        var content = new string('a', 279) + "😀" + new string('b', 500);
        await WriteAsync(Create(Message, General, user: 7) with { Excerpt = content });

        await using var db = _store.NewContext();
        var excerpt = (await db.MessageFacts.SingleAsync()).Excerpt!;
        Assert.Equal(279, excerpt.Length);
        Assert.True(excerpt.Length <= IngestEvent.MaxExcerptLength);
    }

    [Fact]
    public async Task Write_PartialUpdateWithoutContent_KeepsTheExcerpt()
    {
        await WriteAsync(
            Create(Message, General, user: 7) with { Excerpt = "original" },
            new IngestEvent { Type = IngestEventType.MessageUpdate, GuildId = Guild, EventAt = T0 + 10, ChannelId = General, MessageId = Message, EditedAt = T0 + 10 });

        await using var db = _store.NewContext();
        var fact = await db.MessageFacts.SingleAsync();
        Assert.Equal("original", fact.Excerpt);
        Assert.Equal(T0 + 10, fact.EditedAt);
    }

    [Fact]
    public async Task Write_InvalidEventsAmongValidOnes_SkipsAndLogsThemWithoutContent()
    {
        var outcome = await _writer.WriteAsync(
        [
            Create(Message, General, user: 7) with { Excerpt = "secret words" },
            new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = T0, ChannelId = General, UserId = 7, Excerpt = "secret words" },
            new IngestEvent { Type = IngestEventType.ReactionAdd, GuildId = 0, EventAt = T0, ChannelId = General, MessageId = Message, UserId = 8, Emoji = "x" },
            new IngestEvent { Type = (IngestEventType)999, GuildId = Guild, EventAt = T0 },
            Create(Message + 1, General, user: 9),
        ], CancellationToken.None);

        Assert.Equal(2, outcome.Applied);
        Assert.Equal(3, outcome.Rejected);
        Assert.Equal(3, _log.Lines.Count(line => line.StartsWith("Warning ", StringComparison.Ordinal)));
        Assert.DoesNotContain(_log.Lines, line => line.Contains("secret", StringComparison.Ordinal));
        await using var db = _store.NewContext();
        Assert.Equal(2, await db.ChannelDailyRollups.SumAsync(r => r.MessageCount));
    }

    [Fact]
    public async Task Write_BotMessages_AreStoredInBotRowsOnly()
    {
        await WriteAsync(Create(Message, General, user: 99) with { IsBot = true });

        await using var db = _store.NewContext();
        Assert.Equal(1, await db.MessageFacts.CountAsync(f => f.IsBot));
        Assert.Equal(0, await db.ChannelDailyRollups.Where(r => !r.IsBot).SumAsync(r => r.MessageCount));
        Assert.Equal(1, await db.ChannelDailyRollups.Where(r => r.IsBot).SumAsync(r => r.MessageCount));
    }

    [Fact]
    public async Task Write_LeaveRedeliveredWithoutAJoinBetween_CountsOnceAndARejoinedMemberLeavesAgain()
    {
        // A leave has no id: the gateway gives each delivery its own, so a redelivery is a new raw event.
        IngestEvent Leave(string delivery, long at) =>
            new() { Type = IngestEventType.MemberRemove, GuildId = Guild, UserId = 8, EventAt = at, DeliveryId = delivery };

        await WriteAsync(Leave("a-1", T0), Leave("a-2", T0 + 1));
        await WriteAsync(Leave("b-1", T0 + 2));
        await using (var db = _store.NewContext())
        {
            Assert.Equal(1, await db.GuildDailyRollups.SumAsync(r => r.Leaves));
            Assert.Equal(T0, (await db.Members.SingleAsync(m => m.UserId == 8)).LeftAt);
        }

        await WriteAsync(
            new IngestEvent { Type = IngestEventType.MemberAdd, GuildId = Guild, UserId = 8, EventAt = T0 + 10, Name = "eight" },
            Leave("b-2", T0 + 20));

        await using var after = _store.NewContext();
        Assert.Equal(2, await after.GuildDailyRollups.SumAsync(r => r.Leaves));
        Assert.Equal(T0 + 20, (await after.Members.SingleAsync(m => m.UserId == 8)).LeftAt);
    }

    [Fact]
    public async Task Write_CreateAndReactionAdd_KeepNoRawRow_AndADuplicateOfEitherIsNotApplied()
    {
        var first = await _writer.WriteAsync([Create(Message, General, user: 7), React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 1)], CancellationToken.None);
        var again = await _writer.WriteAsync([Create(Message, General, user: 7), React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 1)], CancellationToken.None);

        Assert.Equal((2, 0), (first.Applied, again.Applied));
        await using var db = _store.NewContext();
        Assert.Empty(await db.AnalyticsEvents.ToListAsync());
        Assert.Equal(1, await db.MessageFacts.CountAsync());
        Assert.Equal(1, await db.ChannelDailyRollups.SumAsync(r => r.MessageCount));
        Assert.Equal(1, await db.ChannelDailyRollups.SumAsync(r => r.ReactionCount));
    }

    [Theory]
    [InlineData(IngestEventType.ReactionRemove)]
    [InlineData(IngestEventType.ReactionRemoveEmoji)]
    [InlineData(IngestEventType.ReactionRemoveAll)]
    public async Task Write_RemovalArrivesBeforeTheOlderAdd_ReactionStaysRemoved(IngestEventType removal)
    {
        await WriteAsync(
            Create(Message, General, user: 7),
            React(removal, Message, user: 8, "👍", T0 + 5) with { UserId = removal == IngestEventType.ReactionRemove ? 8UL : null, Emoji = removal == IngestEventType.ReactionRemoveAll ? null : "👍" },
            React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 3));

        await using var db = _store.NewContext();
        Assert.Equal(0, await db.ChannelDailyRollups.SumAsync(r => r.ReactionCount));
        Assert.Empty(await db.TopContentDaily.ToListAsync());
    }

    [Fact]
    public async Task Write_AddNewerThanTheRemoval_BringsTheReactionBack_AndAReplayOfTheWholeHistoryChangesNothing()
    {
        IngestEvent[] history =
        [
            Create(Message, General, user: 7),
            React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 1),
            React(IngestEventType.ReactionRemove, Message, user: 8, "👍", T0 + 2),
            React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 3),
            React(IngestEventType.ReactionAdd, Message, user: 9, "👍", T0 + 4),
            new IngestEvent { Type = IngestEventType.ReactionRemoveEmoji, GuildId = Guild, EventAt = T0 + 5, ChannelId = General, MessageId = Message, Emoji = "👍" },
            React(IngestEventType.ReactionAdd, Message, user: 9, "👍", T0 + 6),
        ];
        await WriteAsync(history);
        var replay = await _writer.WriteAsync(history, CancellationToken.None);

        await using var db = _store.NewContext();
        // user 8's reaction came back at +3 and went with the emoji at +5; user 9's came back at +6.
        Assert.Equal(1, await db.ChannelDailyRollups.SumAsync(r => r.ReactionCount));
        Assert.Equal([9L], await db.ReactionFacts.Where(f => f.RemovedAt == null).Select(f => f.UserId).ToListAsync());
        Assert.Equal(1, (await db.TopContentDaily.SingleAsync()).ReactionScore);
        Assert.Equal(0, replay.Applied);
    }

    [Fact]
    public async Task Write_DeleteAndClearWrittenByAnEarlierWriter_StillBlockOlderAddsAfterARestart()
    {
        var other = Snowflake.FromUnixMs(T0) + 1;
        await WriteAsync(
            Create(Message, General, user: 7),
            Create(other, General, user: 7),
            new IngestEvent { Type = IngestEventType.MessageDelete, GuildId = Guild, EventAt = T0 + 5, ChannelId = General, MessageId = Message },
            new IngestEvent { Type = IngestEventType.ReactionRemoveAll, GuildId = Guild, EventAt = T0 + 5, ChannelId = General, MessageId = other });

        // A new process: the writer knows the deletes and clears only from the store.
        await using var restarted = new IngestionBatchWriter(_store.Storage, GuildMode.Live, NullLogger.Instance);
        var outcome = await restarted.WriteAsync(
            [
                React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 9),
                React(IngestEventType.ReactionAdd, other, user: 8, "👍", T0 + 4),
                React(IngestEventType.ReactionAdd, other, user: 9, "👍", T0 + 6),
            ],
            CancellationToken.None);

        Assert.Equal(1, outcome.Applied);
        await using var db = _store.NewContext();
        Assert.Equal([9L], await db.ReactionFacts.Where(f => f.RemovedAt == null).Select(f => f.UserId).ToListAsync());
    }

    [Fact]
    public async Task Write_StaleRemoveAfterANewerAdd_ChangesNothing()
    {
        await WriteAsync(
            Create(Message, General, user: 7),
            React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 1),
            React(IngestEventType.ReactionAdd, Message, user: 8, "👍", T0 + 9),
            React(IngestEventType.ReactionRemove, Message, user: 8, "👍", T0 + 5));

        await using var db = _store.NewContext();
        Assert.Equal(1, await db.ChannelDailyRollups.SumAsync(r => r.ReactionCount));
        Assert.Equal(1, await db.MemberDailyRollups.SumAsync(r => r.ReactionsAdded));
    }

    private Task WriteAsync(params IngestEvent[] events) => _writer.WriteAsync(events, CancellationToken.None);

    private static IngestEvent Create(ulong id, ulong channel, ulong user) => new()
    {
        Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = Snowflake.ToUnixMs(id), ChannelId = channel, MessageId = id, UserId = user, Excerpt = "hi",
    };

    private static IngestEvent React(IngestEventType type, ulong message, ulong user, string emoji, long at) => new()
    {
        Type = type, GuildId = Guild, EventAt = at, ChannelId = General, MessageId = message, UserId = user, Emoji = emoji,
    };

    public sealed class OnSqlite() : IngestionBatchWriterTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : IngestionBatchWriterTests(StoreProvider.Postgres);
}
