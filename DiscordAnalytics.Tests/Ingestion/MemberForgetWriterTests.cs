using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>The writer's forget rules that the ground-truth spec cannot see, against a real SQLite file.</summary>
public abstract class MemberForgetWriterTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong Guild = 2_000;
    private const ulong General = 21;
    private const ulong Forgotten = 31;
    private const ulong Other = 32;
    private static readonly long T0 = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync() => _store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Write_AfterRestart_ForgottenMembersEventsStillDropped()
    {
        await WriteAsync(
            Message(Snowflake.FromUnixMs(T0), Forgotten),
            new IngestEvent { Type = IngestEventType.MemberForget, GuildId = Guild, UserId = Forgotten, EventAt = T0 + 1_000 });

        // A new writer: what it knows comes from memberPrivacy alone.
        await WriteAsync(
            Message(Snowflake.FromUnixMs(T0 + 2_000), Forgotten),
            new IngestEvent { Type = IngestEventType.MemberAdd, GuildId = Guild, UserId = Forgotten, Name = "again", EventAt = T0 + 3_000 },
            Message(Snowflake.FromUnixMs(T0 + 4_000), Other));

        await using var db = _store.NewContext();
        Assert.Equal(1, await db.ChannelDailyRollups.SumAsync(r => r.MessageCount));
        Assert.Equal(0, await db.GuildDailyRollups.SumAsync(r => r.Joins));
        Assert.False(await db.MessageFacts.AnyAsync(f => f.AuthorId == (long)Forgotten));
        Assert.False(await db.Members.AnyAsync(m => m.UserId == (long)Forgotten));
        Assert.False(await db.AnalyticsEvents.AnyAsync(e => e.UserId == (long)Forgotten));
    }

    [Fact]
    public async Task Write_ForgetInTheMiddleOfABatch_EarlierEventsUndoneLaterOnesDropped()
    {
        await WriteAsync(
            Message(Snowflake.FromUnixMs(T0), Forgotten),
            React(Snowflake.FromUnixMs(T0), Other),
            new IngestEvent { Type = IngestEventType.MemberForget, GuildId = Guild, UserId = Forgotten, EventAt = T0 + 1_000 },
            Message(Snowflake.FromUnixMs(T0 + 2_000), Forgotten),
            Message(Snowflake.FromUnixMs(T0 + 3_000), Other));

        await using var db = _store.NewContext();
        var channel = await db.ChannelDailyRollups.SingleAsync();
        Assert.Equal((1, 0), (channel.MessageCount, channel.ReactionCount));
        var quarters = new long[Core.Storage.QuarterHourCounts.PerDay];
        Core.Storage.QuarterHourCounts.AddTo((await db.ChannelDayQuarterHours.SingleAsync()).MessageCounts, quarters);
        Assert.Equal(1, quarters.Sum());
        Assert.Equal([(long)Other], await db.MemberDailyRollups.Select(r => r.UserId).ToListAsync());
        Assert.Equal(0, await db.MemberDailyRollups.SumAsync(r => r.ReactionsAdded));
        Assert.Empty(await db.TopContentDaily.ToListAsync());
        Assert.Empty(await db.ReactionFacts.ToListAsync());
    }

    private async Task WriteAsync(params IngestEvent[] events)
    {
        await using var writer = new IngestionBatchWriter(_store.Storage, GuildMode.Live, NullLogger.Instance);
        await writer.WriteAsync([new IngestEvent { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = T0, ChannelId = General, Name = "general", ChannelType = ChannelTypes.Text }, .. events], CancellationToken.None);
    }

    private static IngestEvent Message(ulong id, ulong author) => new()
    {
        Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = Snowflake.ToUnixMs(id), ChannelId = General, MessageId = id, UserId = author, Excerpt = $"by {author}",
    };

    private static IngestEvent React(ulong message, ulong user) => new()
    {
        Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = Snowflake.ToUnixMs(message) + 500, ChannelId = General, MessageId = message, UserId = user, Emoji = "👍",
    };

    public sealed class OnSqlite() : MemberForgetWriterTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : MemberForgetWriterTests(StoreProvider.Postgres);
}
