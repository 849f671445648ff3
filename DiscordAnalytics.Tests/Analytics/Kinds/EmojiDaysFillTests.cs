using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Emojis;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Ingestion.Writing;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Kinds;

/// <summary>A store that held reactions before <c>emojiDays</c> existed gets them filled once, exactly as the writer would have kept them.</summary>
public abstract class EmojiDaysFillTests(StoreProvider provider)
{
    private const ulong G = 8_600, General = 8_601, Ada = 8_611, Bo = 8_612;
    private static readonly int Today = DayBucket.FromUnixMs(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());

    [Fact]
    public async Task Run_AfterTheMigration_FillsWhatTheWriterKeeps()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var at = DayBucket.StartMs(Today - 2) + 3_600_000;
        var (m1, m2) = (Message(G, General, Ada, at, 1), Message(G, General, Bo, at, 2));
        var (id1, id2) = (m1.MessageId!.Value, m2.MessageId!.Value);
        await store.WriteAsync(Guild(G, "fill", at), Channel(G, General, "general", at), m1, m2,
            Reaction(G, General, id1, Bo, at + 1), Reaction(G, General, id2, Ada, at + 1), Reaction(G, General, id2, Ada, at + 1, "wave:5"),
            Reaction(G, General, id1, Ada, at + 1, "wave:5"));
        await store.WriteAsync(Reaction(G, General, id1, Ada, at + 2, "wave:5") with { Type = IngestEventType.ReactionRemove });
        var query = new AnalyticsQuery(G, AnalyticsWindow.Last(7, Today), AnalyticsQuery.DefaultTop, IncludeBots: false);
        var kept = await new TopEmojisQuery(store).RunAsync(query, CancellationToken.None);
        await store.ExecuteAsync("DELETE FROM emojiDays");

        await using (var connection = await store.OpenConnectionAsync())
        {
            await new EmojiDaysFill(NullLogger<EmojiDaysFill>.Instance).RunAsync(connection, ["20261206175957_MessageKindsAndEmojis"], CancellationToken.None);
        }

        Assert.Equal([new EmojiStat("👍", 2), new EmojiStat("wave:5", 1)], kept);
        Assert.Equal(kept, await new TopEmojisQuery(store).RunAsync(query, CancellationToken.None));
    }

    public sealed class OnSqlite() : EmojiDaysFillTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : EmojiDaysFillTests(StoreProvider.Postgres);
}
