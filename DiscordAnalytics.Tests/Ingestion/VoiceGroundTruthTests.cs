using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// A random voice stream (joins, moves, mutes, leaves, the AFK channel, bots, duplicates and late states) through the real
/// writer in random batch sizes, against brute force: every minute, each member's state is replayed from the stream and
/// classified, and the minutes per (channel, member, kind) must equal what the store holds.
/// </summary>
public abstract class VoiceGroundTruthTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 9_300;
    private const ulong Afk = 939;
    private static readonly ulong[] Channels = [931, 932, Afk];
    private static readonly ulong[] Members = [941, 942, 943, 944, 945, 949];
    private const ulong Bot = 949;
    private static readonly long Start = DayBucket.StartMs(DayBucket.FromDate(new DateOnly(2026, 11, 10))) + (20 * 60 * 60_000L);
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync() => _store = await TempSqliteStore.CreateFromTemplateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Write_RandomStream_EqualsBruteForcePerMinute(int seed)
    {
        var random = new Random(seed);
        var stream = new List<IngestEvent> { AfkChannel(G, "Voice", Afk, Start - 60_000) };
        var applied = new List<(ulong User, ulong? Channel, bool Muted, long At)>();
        var minute = 0;
        for (var i = 0; i < 300; i++)
        {
            minute += random.Next(0, 3);
            var user = Members[random.Next(Members.Length)];
            ulong? channel = random.Next(5) == 0 ? null : Channels[random.Next(Channels.Length)];
            var muted = random.Next(4) == 0;
            var at = Start + minute * 60_000L;
            if (applied.Any(a => a.User == user && a.At >= at))
            {
                continue;
            }

            var state = Voice(G, user, channel, at, muted, bot: user == Bot);
            stream.Add(state);
            applied.Add((user, channel, muted, at));
            if (random.Next(6) == 0)
            {
                // Delivered again, or a stale state arriving late: both change nothing.
                stream.Add(random.Next(2) == 0 ? state : Voice(G, user, Channels[0], at - 60_000, bot: user == Bot));
            }
        }

        var end = Start + (minute + 1) * 60_000L;
        foreach (var user in Members)
        {
            stream.Add(Voice(G, user, null, end, bot: user == Bot));
            applied.Add((user, null, false, end));
        }

        foreach (var chunk in Chunks(stream, random))
        {
            await _store.WriteAsync([.. chunk]);
        }

        var expected = new Dictionary<(ulong Channel, ulong User), (long Talk, long Muted, long Alone)>();
        for (var t = Start; t < end; t += 60_000)
        {
            var now = Members
                .Select(u => applied.Where(a => a.User == u && a.At <= t).OrderBy(a => a.At).LastOrDefault())
                .Where(a => a.User != 0 && a.Channel is { } c && c != Afk)
                .ToList();
            foreach (var s in now.Where(s => s.User != Bot))
            {
                var others = now.Count(o => o.Channel == s.Channel && o.User != s.User && o.User != Bot);
                var (talk, muted, alone) = expected.GetValueOrDefault((s.Channel!.Value, s.User));
                expected[(s.Channel.Value, s.User)] = s.Muted ? (talk, muted + 1, alone) : others > 0 ? (talk + 1, muted, alone) : (talk, muted, alone + 1);
            }
        }

        await using var db = _store.NewContext();
        var stored = (await db.VoiceDays.Where(r => r.GuildId == (long)G).ToListAsync())
            .GroupBy(r => ((ulong)r.ChannelId, (ulong)r.UserId))
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.TalkMs) / 60_000, g.Sum(r => r.MutedMs) / 60_000, g.Sum(r => r.AloneMs) / 60_000));
        Assert.Equal(expected.OrderBy(e => e.Key), stored.Where(s => s.Value != (0, 0, 0)).OrderBy(s => s.Key));
        Assert.True(expected.Count > 3, "the stream should have put several members in voice");
    }

    private static IEnumerable<List<IngestEvent>> Chunks(List<IngestEvent> stream, Random random)
    {
        for (var i = 0; i < stream.Count;)
        {
            var size = random.Next(1, 40);
            yield return stream.GetRange(i, Math.Min(size, stream.Count - i));
            i += size;
        }
    }

    public sealed class OnSqlite() : VoiceGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : VoiceGroundTruthTests(StoreProvider.Postgres);
}
