using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// A window with more help threads than one read of their messages takes (a large guild starts tens of thousands in a
/// few months, more than SQLite's parameters per statement): every thread is still counted, once, as brute force says.
/// </summary>
public sealed class SupportSignalsManyThreadsTests : IAsyncLifetime
{
    private const ulong G = 7_300;
    private const ulong Forum = 111;
    private const ulong Asker = 601;
    private const ulong Helper = 602;
    private const long Minute = 60_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly long Start = new DateTimeOffset(2026, 11, 14, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync();
        await _store.WriteAsync(Guild(G, "Busy Help", Start - (30 * 1_440 * Minute)), Channel(G, Forum, "help", Start - (30 * 1_440 * Minute), type: 15));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Run_MoreThreadsThanOneRead_EveryThreadCountedOnce()
    {
        // Threads a few seconds apart over four days; every third is answered after 7 minutes.
        var threads = SupportSignalsQuery.ThreadIdsPerRead * 2 + 17;
        var events = new List<IngestEvent>();
        for (var i = 0; i < threads; i++)
        {
            var at = Start + (i * 30_000L);
            var thread = MessageId(at);
            events.Add(Thread(G, Forum, thread, Asker, "question", at));
            events.Add(new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = G, ChannelId = thread, MessageId = thread, UserId = Asker, EventAt = at });
            if (i % 3 == 0)
            {
                events.Add(Message(G, thread, Helper, at + (7 * Minute), n: 1));
            }
        }

        await _store.WriteAsync([.. events]);
        var query = new SupportSignalsQuery(_store, new FakeTimeProvider(Now));

        var signals = await query.RunAsync(new AnalyticsQuery(G, AnalyticsWindow.Last(7, DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds())), 10, false), CancellationToken.None);

        var answered = (threads + 2) / 3;
        Assert.Equal(threads - answered, signals.UnansweredThreads);
        Assert.Equal(7.0, signals.MedianFirstResponseMinutes);
    }
}
