using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Loops.OfficeHours;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Analytics;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Loops.OfficeHours;

/// <summary>
/// The busiest weekday + hour of help-thread and question starts in the guild's time zone, against a brute-force count
/// over generated activity that spans the end of daylight saving time in New York (2026-11-01), on both providers.
/// </summary>
public abstract class OfficeHoursDraftQueryTests(StoreProvider provider) : SupportSignalsTestBase(provider)
{
    private const string NewYork = "America/New_York";
    private static readonly TimeZoneInfo NewYorkZone = TimeZoneInfo.FindSystemTimeZoneById(NewYork);
    private ulong _author = 10_000;

    [Fact]
    public async Task Draft_GeneratedThreadsAndQuestionsAcrossDst_MatchTheBruteForceBusiestSlot()
    {
        await new GuildTimeZone(Store).SetAsync((long)G, NewYork, CancellationToken.None);
        var random = new Random(23);
        var events = new List<IngestEvent>();
        var counted = new List<(long At, string Channel)>();
        // Whole minutes over 35 days (7 of them before the 28-day window), at least 3 minutes apart so that each
        // question's answer comes before the next start.
        var first = NowMs - (35 * 24 * Hour);
        var instants = Enumerable.Range(0, 400).Select(_ => first + (random.NextInt64(35 * 24 * 60) * Minute)).Order().ToList();
        var last = first - Hour;
        foreach (var at in instants.Where(at => at < NowMs - (2 * Minute)))
        {
            if (at - last < 3 * Minute)
            {
                continue;
            }

            last = at;
            var inWindow = at >= NowMs - (28 * 24 * Hour);
            switch (random.Next(5))
            {
                case 0 or 1:
                    events.AddRange(Ask(Forum, at));
                    if (inWindow)
                    {
                        counted.Add((at, "ideas"));
                    }

                    break;
                case 2:
                    events.AddRange(Question(Support, at));
                    if (inWindow)
                    {
                        counted.Add((at, "Customer-SUPPORT"));
                    }

                    break;
                case 3:
                    // A thread outside the help channels is no question.
                    events.AddRange(Ask(General, at));
                    break;
                default:
                    // A bot's message in a help channel is no question either.
                    events.Add(Message(G, Support, Bot, at, n: _author++, bot: true));
                    break;
            }
        }

        foreach (var batch in events.Chunk(200))
        {
            await Store.WriteAsync(batch);
        }

        var draft = await DraftAsync();

        var expected = BruteForce(counted);
        Assert.True(counted.Count > 100, $"only {counted.Count} counted starts were generated");
        Assert.NotNull(draft);
        Assert.Equal(expected.Weekday.ToString(), draft.Weekday);
        Assert.Equal(expected.Hour, draft.Hour);
        Assert.Equal(expected.Count, draft.Questions);
        Assert.Equal(expected.Channel, draft.HelpChannel);
        Assert.Equal(NewYork, draft.TimeZone);
        var next = NextByBruteForce(expected.Weekday, expected.Hour);
        Assert.Equal(next, draft.NextAt);
        Assert.Equal(
            $"Office hours: {expected.Weekday} {expected.Hour:00}:00-{(expected.Hour + 1) % 24:00}:00 ({NewYork}) in #{expected.Channel}. "
            + $"That is when most questions come in, so someone will be around to answer them live. Next one: <t:{next.ToUnixTimeSeconds()}:F>.",
            draft.Text);
    }

    [Fact]
    public async Task Draft_SameLocalHourInSummerAndWinterTime_CountsAsOneSlot()
    {
        await new GuildTimeZone(Store).SetAsync((long)G, NewYork, CancellationToken.None);
        // Tuesday 14:00 in New York: 18:00 UTC in daylight saving time, 19:00 UTC after it ended on 2026-11-01.
        var edt = new DateTimeOffset(2026, 10, 27, 18, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var est1 = new DateTimeOffset(2026, 11, 10, 19, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var est2 = new DateTimeOffset(2026, 11, 17, 19, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await Store.WriteAsync([.. Question(Support, edt), .. Ask(Forum, est1), .. Question(Support, est2)]);

        var draft = await DraftAsync();

        Assert.Equal(("Tuesday", 14, 3), (draft!.Weekday, draft.Hour, draft.Questions));
        // The next Tuesday 14:00 after Friday 2026-11-20 12:00 UTC, in winter time.
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 19, 0, 0, TimeSpan.Zero), draft.NextAt);
        Assert.Contains("<t:1795546800:F>", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_TwoSlotsEquallyBusy_TheEarliestOfTheWeekFromMonday()
    {
        var sunday = new DateTimeOffset(2026, 11, 15, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var monday = new DateTimeOffset(2026, 11, 16, 15, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await Store.WriteAsync([.. Question(Support, sunday - (7 * 24 * Hour)), .. Question(Support, sunday), .. Ask(Forum, monday - (7 * 24 * Hour)), .. Ask(Forum, monday)]);

        var draft = await DraftAsync();

        Assert.Equal(("Monday", 15, 2, "UTC", "ideas"), (draft!.Weekday, draft.Hour, draft.Questions, draft.TimeZone, draft.HelpChannel));
    }

    [Fact]
    public async Task Draft_NoQuestionActivity_NoTextAndUnknownGuildIsNull()
    {
        await Store.WriteAsync(Message(G, General, Asker, NowMs - Hour));

        var draft = await DraftAsync();

        Assert.Equal(new OfficeHoursDraft(null, null, "UTC", 0, null, null, null), draft);
        Assert.Null(await new OfficeHoursDraftQuery(Store, new FakeTimeProvider(Now)).DraftAsync(999, CancellationToken.None));
    }

    private async Task<OfficeHoursDraft?> DraftAsync() =>
        await new OfficeHoursDraftQuery(Store, new FakeTimeProvider(Now)).DraftAsync((long)G, CancellationToken.None);

    /// <summary>A thread under <paramref name="parent"/> started by a new member (the post is the thread's first message).</summary>
    private IngestEvent[] Ask(ulong parent, long at)
    {
        var (author, thread) = (_author++, MessageId(at, _author++));
        return
        [
            Thread(G, parent, thread, author, "question", at),
            new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = G, ChannelId = thread, MessageId = thread, UserId = author, EventAt = at },
        ];
    }

    /// <summary>A question by a new member directly in <paramref name="channel"/>, answered by a reply a minute later.</summary>
    private IngestEvent[] Question(ulong channel, long at)
    {
        var question = Message(G, channel, _author++, at, n: _author++);
        return [question, Message(G, channel, Helper, at + Minute, n: _author++, replyTo: question.MessageId)];
    }

    /// <summary>Counts every start per New York weekday and hour and picks the largest, Monday 00:00 first on a tie.</summary>
    private static (DayOfWeek Weekday, int Hour, int Count, string Channel) BruteForce(List<(long At, string Channel)> starts)
    {
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        var local = starts.Select(s => (Local: TimeZoneInfo.ConvertTimeFromUtc(DateTimeOffset.FromUnixTimeMilliseconds(s.At).UtcDateTime, NewYorkZone), s.Channel)).ToList();
        (DayOfWeek, int, int, string) best = default;
        foreach (var day in week)
        {
            for (var hour = 0; hour < 24; hour++)
            {
                var inSlot = local.Where(l => l.Local.DayOfWeek == day && l.Local.Hour == hour).ToList();
                if (inSlot.Count > best.Item3)
                {
                    // The channel with the most of the slot's starts; "ideas" (the forum, the lower id) on a tie.
                    var ideas = inSlot.Count(l => l.Channel == "ideas");
                    best = (day, hour, inSlot.Count, ideas >= inSlot.Count - ideas ? "ideas" : "Customer-SUPPORT");
                }
            }
        }

        return best;
    }

    /// <summary>Steps through the whole hours after now until New York's clock shows the slot.</summary>
    private static DateTimeOffset NextByBruteForce(DayOfWeek day, int hour)
    {
        var at = new DateTimeOffset(Now.Year, Now.Month, Now.Day, Now.Hour, 0, 0, TimeSpan.Zero);
        while (true)
        {
            at = at.AddHours(1);
            var local = TimeZoneInfo.ConvertTime(at, NewYorkZone);
            if (local.DayOfWeek == day && local.Hour == hour && local.Minute == 0)
            {
                return at;
            }
        }
    }

    public sealed class OnSqlite() : OfficeHoursDraftQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : OfficeHoursDraftQueryTests(StoreProvider.Postgres);
}
