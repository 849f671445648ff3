using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Tests.Analytics;

public abstract class GuildsQueryTests(StoreProvider provider)
{
    private static readonly long T0 = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public async Task List_StoreWithDemoAndLiveGuilds_ListsOnlyTheRunningModeButFindsBoth()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await WriteGuildAsync(store, GuildMode.Demo, 1, "Simulated");
        await WriteGuildAsync(store, GuildMode.Live, 2, "Real Server");

        var live = await new GuildsQuery(store, new IngestionMode(IsDemo: false)).ListAsync(default);
        var demo = await new GuildsQuery(store, new IngestionMode(IsDemo: true)).ListAsync(default);

        Assert.Equal(["Real Server"], live.Select(g => g.Name));
        Assert.Equal(["Simulated"], demo.Select(g => g.Name));
        Assert.NotNull(await new GuildsQuery(store, new IngestionMode(IsDemo: false)).FindAsync(1, default));
    }

    private static async Task WriteGuildAsync(TempSqliteStore store, GuildMode mode, ulong guild, string name)
    {
        await using var writer = new IngestionBatchWriter(store.Storage, mode, NullLogger.Instance);
        await writer.WriteAsync([new IngestEvent { Type = IngestEventType.GuildUpsert, GuildId = guild, EventAt = T0, Name = name }], default);
    }

    public sealed class OnSqlite() : GuildsQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : GuildsQueryTests(StoreProvider.Postgres);
}
