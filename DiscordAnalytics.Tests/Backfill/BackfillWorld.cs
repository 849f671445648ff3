using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Tests.Backfill;

/// <summary>Shared facts of the backfill tests: the guild, the clock, ids, and what the store answers.</summary>
public static class BackfillWorld
{
    public const ulong Guild = 880_000_000_000_000_001;

    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static long NowMs => Now.ToUnixTimeMilliseconds();

    public static long DaysAgo(double days) => NowMs - (long)(days * 86_400_000);

    /// <summary>A message id created at <paramref name="ms"/> (distinct per <paramref name="sequence"/>).</summary>
    public static ulong IdAt(long ms, int sequence = 0) => Snowflake.FromUnixMs(ms) + (ulong)sequence;

    public static IngestEvent GuildCreated() => new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = NowMs - 1000, Name = "Backfill Guild" };

    public static async Task<HashSet<ulong>> StoredMessageIdsAsync(TempSqliteStore store, long? channelId = null)
    {
        await using var db = store.NewContext();
        var ids = await db.MessageFacts.Where(m => m.GuildId == (long)Guild && m.IsCreated && (channelId == null || m.ChannelId == channelId)).Select(m => m.MessageId).ToListAsync();
        return [.. ids.Select(id => (ulong)id)];
    }

    /// <summary>Counted messages of a channel over all days (rollups: what every card reads).</summary>
    public static async Task<long> CountedMessagesAsync(TempSqliteStore store, long channelId)
    {
        await using var db = store.NewContext();
        return await db.ChannelDailyRollups.Where(r => r.GuildId == (long)Guild && r.ChannelId == channelId && !r.IsBot).SumAsync(r => r.MessageCount);
    }

    public static async Task<long> CountedReactionsAsync(TempSqliteStore store, long channelId)
    {
        await using var db = store.NewContext();
        return await db.ChannelDailyRollups.Where(r => r.GuildId == (long)Guild && r.ChannelId == channelId && !r.IsBot).SumAsync(r => r.ReactionCount);
    }

    public static async Task<long> CountedThreadsAsync(TempSqliteStore store, long channelId)
    {
        await using var db = store.NewContext();
        return await db.ChannelDailyRollups.Where(r => r.GuildId == (long)Guild && r.ChannelId == channelId && !r.IsBot).SumAsync(r => r.ThreadCount);
    }
}
