using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Ingestion;

public abstract class IngestionPipelineTests(StoreProvider provider)
{
    private const ulong Guild = 5_000;
    private static readonly long T0 = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public async Task Write_InvalidEventsInterleaved_ValidOnesAllLandAndThePipelineKeepsRunning()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        using var pipeline = NewPipeline(store, capacity: 100, batch: 7, out var notifier);
        var committed = new List<ulong>();
        notifier.BatchCommitted += guilds => { lock (committed) { committed.AddRange(guilds); } };
        await pipeline.StartAsync(CancellationToken.None);

        for (var i = 0; i < 300; i++)
        {
            var id = Snowflake.FromUnixMs(T0) + (ulong)i;
            await pipeline.WriteAsync(i % 3 == 0
                ? new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = T0 } // no ids at all
                : new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = Snowflake.ToUnixMs(id), ChannelId = 1, MessageId = id, UserId = 2 }, default);
        }

        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        await using var db = store.NewContext();
        Assert.Equal(200, await db.ChannelDailyRollups.SumAsync(r => r.MessageCount));
        Assert.Equal(300, pipeline.Processed);
        Assert.Contains(Guild, committed);
        await pipeline.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Write_QueueFull_WaitsInsteadOfDropping()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        using var pipeline = NewPipeline(store, capacity: 100, batch: 50, out _);

        // Not started: nothing drains, so the 101st write must wait.
        for (var i = 0; i < 100; i++)
        {
            await pipeline.WriteAsync(Message(i), default);
        }

        var blocked = pipeline.WriteAsync(Message(100), default).AsTask();
        await Task.Delay(50);
        Assert.False(blocked.IsCompleted);
        Assert.Equal(100, pipeline.QueueLength);

        await pipeline.StartAsync(CancellationToken.None);
        await blocked.WaitAsync(TimeSpan.FromSeconds(30));
        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await using var db = store.NewContext();
        Assert.Equal(101, await db.ChannelDailyRollups.SumAsync(r => r.MessageCount));
        await pipeline.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stop_WithEventsQueued_DrainsThemBeforeReturning()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        using var pipeline = NewPipeline(store, capacity: 10_000, batch: 100, out _);
        for (var i = 0; i < 2_000; i++)
        {
            await pipeline.WriteAsync(Message(i), default);
        }

        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.StopAsync(CancellationToken.None);

        await using var db = store.NewContext();
        Assert.Equal(2_000, await db.ChannelDailyRollups.SumAsync(r => r.MessageCount));
    }

    private static IngestEvent Message(int i)
    {
        var id = Snowflake.FromUnixMs(T0) + (ulong)i;
        return new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = Snowflake.ToUnixMs(id), ChannelId = 1, MessageId = id, UserId = 2 };
    }

    private static IngestionPipeline NewPipeline(TempSqliteStore store, int capacity, int batch, out IngestionNotifier notifier)
    {
        notifier = new IngestionNotifier();
        return new IngestionPipeline(
            Options.Create(new IngestionOptions { QueueCapacity = capacity, MaxBatchSize = batch }),
            Options.Create(store.Storage),
            new IngestionMode(IsDemo: false),
            notifier,
            TimeProvider.System,
            NullLogger<IngestionPipeline>.Instance);
    }

    public sealed class OnSqlite() : IngestionPipelineTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : IngestionPipelineTests(StoreProvider.Postgres);
}
