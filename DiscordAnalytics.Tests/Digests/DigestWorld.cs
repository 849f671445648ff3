using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Digests;

/// <summary>A small community for digest tests: one guild, three channels, members, a week of activity and the week before.</summary>
public static class DigestWorld
{
    public const ulong Guild = 930_000_000_000_000_001;
    public const ulong OtherGuild = 930_000_000_000_000_002;
    public const ulong General = 931_000_000_000_000_001;
    public const ulong Announcements = 931_000_000_000_000_002;
    public const ulong OtherGuildChannel = 931_000_000_000_000_009;
    public const ulong Alice = 932_000_000_000_000_001;
    public const ulong Mallory = 932_000_000_000_000_002;

    /// <summary>A display name built to ping, link and format if it were pasted raw.</summary>
    public const string HostileName = "@everyone <@932000000000000001> [free nitro](https://evil.example) **boss**";

    public const string HostileExcerpt = "<script>alert(1)</script><img src=x onerror=alert(2)> @here ||spoiler||";

    /// <summary>2026-11-25 10:00 UTC (a Wednesday); the digest covers 2026-11-18 .. 2026-11-24.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static long At(int daysAgo, int hour = 10) => DayBucket.StartMs(DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds()) - daysAgo) + hour * 3_600_000L;

    public static async Task SeedAsync(TempSqliteStore store)
    {
        foreach (var batch in Batches())
        {
            await store.WriteAsync(batch);
        }
    }

    /// <summary>The community as event batches (the second refers to names and channels of the first).</summary>
    public static IEnumerable<IngestEvent[]> Batches()
    {
        var setup = At(30);
        yield return
        [
            TestEvents.Guild(Guild, "Candle Club", setup),
            TestEvents.Guild(OtherGuild, "Elsewhere", setup),
            TestEvents.Channel(Guild, General, "general", setup),
            TestEvents.Channel(Guild, Announcements, "announcements", setup),
            TestEvents.Channel(OtherGuild, OtherGuildChannel, "lobby", setup),
            TestEvents.Member(Guild, Alice, "alice", setup),
            TestEvents.Member(Guild, Mallory, HostileName, setup),
        ];
        var hostile = TestEvents.MessageId(At(2, 12), 5);
        yield return
        [
            // History starts before the week before (so that week is fully covered and changes are shown).
            TestEvents.Message(Guild, General, Alice, At(20), 3, "the first message"),
            // The week before: 2 messages.
            TestEvents.Message(Guild, General, Alice, At(9), 1, "last week 1"),
            TestEvents.Message(Guild, General, Alice, At(10), 2, "last week 2"),
            // The digest's week: 4 messages, reactions on the hostile one.
            TestEvents.Message(Guild, General, Alice, At(3), 1, "gm"),
            TestEvents.Message(Guild, General, Alice, At(2), 1, "chart at 1.0850"),
            TestEvents.Message(Guild, General, Mallory, At(2, 12), 5, HostileExcerpt),
            TestEvents.Message(Guild, Announcements, Mallory, At(1), 1, "news"),
            TestEvents.Reaction(Guild, General, hostile, Alice, At(2, 13)),
            // Today: not part of the digest's complete week.
            TestEvents.Message(Guild, General, Alice, At(0, 9), 9, "today"),
        ];
    }
}
