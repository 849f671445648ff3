using DiscordAnalytics.Core.Analytics.ChannelDays;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// The channel days in memory (<see cref="ChannelDayIndex"/>) take each commit of the writer that tells them: the day's
/// counts, quarter hours and leaders are derived from the held day and the commit's changes, not read again, and must
/// equal what a fresh index reads from the store, day by day. A commit that cannot be applied exactly (a cut day's
/// leader falling out of its full list) or that the index never heard of (another writer) makes the day be read again.
/// </summary>
public abstract class ChannelDayCommitsTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    public async Task Committed_RandomStreamAfterARead_EqualsAFreshIndexWithoutReadingADayAgain(int seed)
    {
        var events = RandomEventStream.Generate(seed, activity: 4_000, endAt: Now.ToUnixTimeMilliseconds(), days: 40);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestChannelDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, channelDays: index);
        var (start, end) = (Today - 60, Today + 1);
        await WriteAsync(writer, events.Take(events.Count / 2), batchSize: 300);
        await HeldAsync(index, RandomEventStream.GuildId, start, end);
        var read = index.DaysRead;
        Assert.Equal(end - start, read);

        // Late and out-of-order messages, reactions added and removed, edits and deletes, all on days already held, in
        // batches small enough for the writer to read the changed messages' scores back (today's leaders are cut).
        await WriteAsync(writer, events.Skip(events.Count / 2), batchSize: 20);
        var kept = await HeldAsync(index, RandomEventStream.GuildId, start, end);

        Assert.Equal(await HeldAsync(TestChannelDays.Over(store), RandomEventStream.GuildId, start, end), kept);
        // Every day whose reacted messages are all held took its commits in memory; a cut day (here today, with more
        // reacted messages than its leaders hold) is read again only when one of its leaders fell out of a full list.
        var cut = kept.Count(d => d.Contains("cut True", StringComparison.Ordinal));
        Assert.InRange(index.DaysRead - read, 0, cut);
        Assert.Contains(kept, d => d.Contains("cut False", StringComparison.Ordinal) && !d.Contains("| [] |", StringComparison.Ordinal));
        read = index.DaysRead;

        // Another writer (the index never hears of it): the day it changed is read again, and only that day.
        var late = DayBucket.StartMs(Today - 3) + 3_600_000L;
        await store.WriteAsync(Message(RandomEventStream.GuildId, RandomEventStream.Channels[0], 5_001, late, 99));
        Assert.Equal(await HeldAsync(TestChannelDays.Over(store), RandomEventStream.GuildId, start, end), await HeldAsync(index, RandomEventStream.GuildId, start, end));
        Assert.Equal(read + 1, index.DaysRead);
    }

    /// <summary>
    /// The activity chart, totals and trending topics ask for counts alone: their days are read without the quarter hours
    /// or a pass over the reacted messages, and take the writer's commits as counts; when the heat map, then top content,
    /// later ask for the same days' quarter hours and leaders, those are read then, each equal to a fresh index's (late and
    /// out-of-order reactions, removals, deletes and edits in between), and a day read again keeps what it held.
    /// </summary>
    [Fact]
    public async Task Committed_CountsAloneAfterARead_QuarterHoursAndLeadersAskedLaterEqualAFreshIndex()
    {
        var events = RandomEventStream.Generate(43, activity: 3_000, endAt: Now.ToUnixTimeMilliseconds(), days: 40);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestChannelDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, channelDays: index);
        var (guild, start, end) = (RandomEventStream.GuildId, Today - 60, Today + 1);
        await WriteAsync(writer, events.Take(events.Count / 2), batchSize: 300);
        await CountsAsync(index, guild, start, end, ChannelDayParts.Counts);
        Assert.Equal(ChannelDayParts.Counts, await PartsAsync(index, guild, start, end));
        var read = index.DaysRead;

        await WriteAsync(writer, events.Skip(events.Count / 2), batchSize: 20);
        Assert.Equal(await CountsAsync(TestChannelDays.Over(store), guild, start, end, ChannelDayParts.Counts), await CountsAsync(index, guild, start, end, ChannelDayParts.Counts));
        Assert.Equal(read, index.DaysRead);

        var quarters = await CountsAsync(index, guild, start, end, ChannelDayParts.QuarterHours);
        Assert.Equal(await CountsAsync(TestChannelDays.Over(store), guild, start, end, ChannelDayParts.QuarterHours), quarters);
        Assert.Contains(quarters, d => !d.Contains("| 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 |", StringComparison.Ordinal));
        Assert.Equal(read + (end - start), index.DaysRead);

        Assert.Equal(await HeldAsync(TestChannelDays.Over(store), guild, start, end), await HeldAsync(index, guild, start, end));
        Assert.Equal(read + (2 * (end - start)), index.DaysRead);

        // The leaders asked alone again: every day still holds its quarter hours, and takes a commit with them.
        await WriteAsync(writer, RandomEventStream.Generate(44, activity: 300, endAt: Now.ToUnixTimeMilliseconds(), days: 5), batchSize: 50);
        await index.ReadAsync(null, (long)guild, start, end, ChannelDayParts.Leaders, _ => 0, CancellationToken.None);
        Assert.Equal(ChannelDayParts.QuarterHours | ChannelDayParts.Leaders, await PartsAsync(index, guild, start, end));
        Assert.Equal(await HeldAsync(TestChannelDays.Over(store), guild, start, end), await HeldAsync(index, guild, start, end));
    }

    /// <summary>
    /// A day with more reacted messages than its leaders hold (300, one reaction each, a few with more): the leaders move
    /// in memory when a leader rises, a bot reacts or a message outside them rises (the writer reads its scores back), and
    /// the day is read again when a leader falls out of the full list or another writer changed it; after each step the
    /// held day equals a fresh read.
    /// </summary>
    [Fact]
    public async Task Committed_CutDay_LeadersMoveInMemoryOrTheDayIsReadAgain()
    {
        const ulong g = 8_400, general = 8_401, author = 8_411, bot = 8_419;
        var day = Today - 1;
        long At(int minute) => DayBucket.StartMs(day) + (minute * 60_000L);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestChannelDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, channelDays: index);
        await writer.WriteAsync([Guild(g, "cut", At(0)), Channel(g, general, "general", At(0)), Member(g, bot, "bot", At(0), bot: true)], CancellationToken.None);
        var messages = Enumerable.Range(1, 300).Select(i => MessageId(At(i), (ulong)i)).ToList();
        var stream = new List<IngestEvent>();
        for (var i = 0; i < messages.Count; i++)
        {
            stream.Add(Message(g, general, author, At(i + 1), (ulong)(i + 1)));
            stream.Add(Reaction(g, general, messages[i], 9_000 + (ulong)i, At(i + 1) + 1_000));
        }

        stream.AddRange(Enumerable.Range(0, 5).Select(r => Reaction(g, general, messages[7], 9_500 + (ulong)r, At(400))));
        await WriteAsync(writer, stream, batchSize: 200);
        var first = await HeldAsync(index, g, day, Today + 1);
        Assert.Contains("cut True", first[0], StringComparison.Ordinal);
        var read = index.DaysRead;

        async Task StepAsync(IngestEvent e, long readAgain)
        {
            await writer.WriteAsync([e], CancellationToken.None);
            Assert.Equal(await HeldAsync(TestChannelDays.Over(store), g, day, Today + 1), await HeldAsync(index, g, day, Today + 1));
            read += readAgain;
            Assert.Equal(read, index.DaysRead);
        }

        await StepAsync(Reaction(g, general, messages[20], 9_600, At(500)), readAgain: 0);          // a leader rises
        await StepAsync(Reaction(g, general, messages[30], bot, At(501)), readAgain: 0);            // a bot's reaction: everyone's ranking only
        await StepAsync(Message(g, general, author, At(600), 1_000), readAgain: 0);                  // a new message, no score
        await StepAsync(Reaction(g, general, messages[^1], 9_601, At(502)), readAgain: 0);          // outside the leaders, rises past the last
        await StepAsync(Reaction(g, general, messages[^2], bot, At(504)), readAgain: 0);            // outside both lists, everyone's score rises
        await StepAsync(Unreact(g, general, messages[40], 9_040, At(503)), readAgain: 1);            // a leader of a full list falls out

        // Another writer (the index never hears of it): the day is read again.
        await store.WriteAsync(Reaction(g, general, messages[50], 9_602, At(505)));
        Assert.Equal(await HeldAsync(TestChannelDays.Over(store), g, day, Today + 1), await HeldAsync(index, g, day, Today + 1));
        Assert.Equal(read + 1, index.DaysRead);
    }

    private static IngestEvent Unreact(ulong guild, ulong channel, ulong message, ulong reactor, long at) =>
        new() { Type = IngestEventType.ReactionRemove, GuildId = guild, ChannelId = channel, MessageId = message, UserId = reactor, Emoji = "👍", EventAt = at };

    private static async Task WriteAsync(IngestionBatchWriter writer, IEnumerable<IngestEvent> events, int batchSize)
    {
        foreach (var batch in events.Chunk(batchSize))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
        }
    }

    /// <summary>Every held day of [start, end) as text, every part asked for: version, counts, quarter hours, whether cut, both leader lists.</summary>
    private static Task<List<string>> HeldAsync(ChannelDayIndex index, ulong guild, int start, int end) =>
        index.ReadAsync((long)guild, start, end, ChannelDayParts.QuarterHours | ChannelDayParts.Leaders, held => Enumerable.Range(start, end - start).Select(d => Describe(d, held(d))).ToList(), CancellationToken.None);

    /// <summary>Every held day of [start, end) as text, <paramref name="parts"/> asked for: version, counts, quarter hours (zeros when not asked).</summary>
    private static Task<List<string>> CountsAsync(ChannelDayIndex index, ulong guild, int start, int end, ChannelDayParts parts) =>
        index.ReadAsync((long)guild, start, end, parts, held => Enumerable.Range(start, end - start).Select(d => CountsOf(d, held(d))).ToList(), CancellationToken.None);

    /// <summary>The parts every held day of [start, end) has (asking for none).</summary>
    private static Task<ChannelDayParts> PartsAsync(ChannelDayIndex index, ulong guild, int start, int end) =>
        index.ReadAsync((long)guild, start, start, ChannelDayParts.Counts, held => Enumerable.Range(start, end - start).Aggregate(ChannelDayParts.QuarterHours | ChannelDayParts.Leaders, (all, d) => all & held(d).Parts), CancellationToken.None);

    private static string CountsOf(int number, ChannelDay day) =>
        $"{number} v{day.Version}: {day.Humans} {day.Bots} | {string.Join(',', day.HumanQuarterHours)} | {string.Join(',', day.BotQuarterHours)}";

    private static string Describe(int number, ChannelDay day) =>
        $"{number} v{day.Version}: {day.Humans} {day.Bots} | {string.Join(',', day.HumanQuarterHours)} | {string.Join(',', day.BotQuarterHours)} | cut {day.LeadersCut} | [{string.Join(',', day.HumanLeaders)}] | [{string.Join(',', day.AllLeaders)}]";

    public sealed class OnSqlite() : ChannelDayCommitsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : ChannelDayCommitsTests(StoreProvider.Postgres);
}
