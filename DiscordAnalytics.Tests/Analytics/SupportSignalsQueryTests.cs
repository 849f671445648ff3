using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>Support signals over hand-built help threads in a real SQLite store, written by the real writer.</summary>
public abstract class SupportSignalsQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 7_000;
    private const ulong Forum = 101;
    private const ulong Support = 102;
    private const ulong General = 103;
    private const ulong Asker = 501;
    private const ulong Helper = 502;
    private const ulong Bot = 503;
    private const long Minute = 60_000;
    private const long Hour = 60 * Minute;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();
    private static readonly long Monday = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private TempSqliteStore _store = null!;
    private ulong _next = 1;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        await _store.WriteAsync(
            Guild(G, "Help Guild", Monday - (30 * 24 * Hour)),
            Channel(G, Forum, "ideas", Monday - (30 * 24 * Hour), type: 15),
            Channel(G, Support, "Customer-SUPPORT", Monday - (30 * 24 * Hour)),
            Channel(G, General, "general", Monday - (30 * 24 * Hour)));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Run_ThreadAnsweredWithin24h_IsAnsweredWithItsResponseTime()
    {
        var thread = await AskAsync(Support, Monday);
        await ReplyAsync(thread, Monday + (45 * Minute), Helper);

        var signals = await RunAsync();

        Assert.Equal(0, signals.UnansweredThreads);
        Assert.Equal(45.0, signals.MedianFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_ThreadAnsweredOnlyByItsAuthor_IsUnanswered()
    {
        var thread = await AskAsync(Forum, Monday);
        await ReplyAsync(thread, Monday + (10 * Minute), Asker);

        var signals = await RunAsync();

        Assert.Equal(1, signals.UnansweredThreads);
        Assert.Null(signals.MedianFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_ThreadAnsweredAfter24h_IsUnansweredButHasAFirstResponse()
    {
        var thread = await AskAsync(Forum, Monday);
        await ReplyAsync(thread, Monday + (25 * Hour), Helper);

        var signals = await RunAsync();

        Assert.Equal(1, signals.UnansweredThreads);
        Assert.Equal(1500.0, signals.MedianFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_ThreadAnsweredExactlyAt24h_IsAnswered()
    {
        var thread = await AskAsync(Forum, Monday);
        await ReplyAsync(thread, Monday + (24 * Hour), Helper);

        Assert.Equal(0, (await RunAsync()).UnansweredThreads);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public async Task Run_ThreadAnsweredOnlyByABot_CountsAsAnsweredOnlyWithIncludeBots(bool includeBots, long expectedUnanswered)
    {
        var thread = await AskAsync(Forum, Monday);
        await ReplyAsync(thread, Monday + Minute, Bot, bot: true);

        var signals = await RunAsync(includeBots);

        Assert.Equal(expectedUnanswered, signals.UnansweredThreads);
    }

    [Fact]
    public async Task Run_ThreadAnsweredOnlyByADeletedMessage_IsUnanswered()
    {
        var thread = await AskAsync(Forum, Monday);
        var reply = await ReplyAsync(thread, Monday + Minute, Helper);
        await _store.WriteAsync(Delete(G, thread, reply, Monday + (2 * Minute)));

        var signals = await RunAsync();

        Assert.Equal(1, signals.UnansweredThreads);
        Assert.Null(signals.MedianFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_ThreadStillWithin24hOfNow_IsNotUnansweredYet()
    {
        await AskAsync(Forum, NowMs - (2 * Hour));

        Assert.Equal(0, (await RunAsync()).UnansweredThreads);
    }

    [Fact]
    public async Task Run_ThreadInANonHelpChannel_IsIgnored()
    {
        var thread = await AskAsync(General, Monday);
        await ReplyAsync(thread, Monday + (30 * Minute), Helper);

        var signals = await RunAsync();

        Assert.Equal(0, signals.UnansweredThreads);
        Assert.Null(signals.MedianFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_ThreadStartedBeforeTheWindow_IsNotCounted()
    {
        await AskAsync(Forum, Monday - (10 * 24 * Hour));

        Assert.Equal(0, (await RunAsync()).UnansweredThreads);
    }

    [Fact]
    public async Task Run_ThreadStartedFromAMessageInTheParent_StarterIsThatMessage()
    {
        // A text-channel thread made from a message: the thread id is the message id, the message stays in the parent.
        var origin = Message(G, Support, Asker, Monday, n: 0, excerpt: "how do I reset my password?");
        var thread = origin.MessageId!.Value;
        await _store.WriteAsync(origin, Thread(G, Support, thread, Asker, "reset", Monday + Minute));
        await ReplyAsync(thread, Monday + (20 * Minute), Helper);

        var signals = await RunAsync();

        Assert.Equal(0, signals.UnansweredThreads);
        Assert.Equal(20.0, signals.MedianFirstResponseMinutes);
    }

    [Theory]
    [InlineData(new[] { 10, 30, 20 }, 20.0)]
    [InlineData(new[] { 10, 30 }, 20.0)]
    [InlineData(new[] { 10, 25 }, 17.5)]
    public async Task Run_SeveralAnsweredThreads_MedianOfFirstResponses(int[] responseMinutes, double expected)
    {
        for (var i = 0; i < responseMinutes.Length; i++)
        {
            var start = Monday + (i * Hour);
            var thread = await AskAsync(Forum, start);
            await ReplyAsync(thread, start + (responseMinutes[i] * Minute), Helper);
            await ReplyAsync(thread, start + ((responseMinutes[i] + 5) * Minute), Bot + 1);
        }

        var signals = await RunAsync();

        Assert.Equal(expected, signals.MedianFirstResponseMinutes);
        Assert.Equal(0, signals.UnansweredThreads);
    }

    [Theory]
    [InlineData(new[] { 10, 30, 20 }, 30.0)]
    [InlineData(new[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 90.0)]
    [InlineData(new[] { 5 }, 5.0)]
    public async Task Run_SeveralAnsweredThreads_P90IsTheNearestRank(int[] responseMinutes, double expected)
    {
        for (var i = 0; i < responseMinutes.Length; i++)
        {
            var start = Monday + (i * Hour);
            var thread = await AskAsync(Forum, start);
            await ReplyAsync(thread, start + (responseMinutes[i] * Minute), Helper);
        }

        var signals = await RunAsync();

        Assert.Equal(expected, signals.P90FirstResponseMinutes);
    }

    [Fact]
    public async Task Run_UnansweredThreads_AreListedNewestFirstWithNameParentAndLink()
    {
        var older = await AskAsync(Forum, Monday);
        var newer = await AskAsync(Support, Monday + (5 * Hour));
        var answered = await AskAsync(Forum, Monday + (6 * Hour));
        await ReplyAsync(answered, Monday + (7 * Hour), Helper);

        var signals = await RunAsync();

        Assert.True(signals.HasHelpChannels);
        Assert.Equal(2, signals.UnansweredThreads);
        Assert.Equal(
            [
                new UnansweredHelpThread($"{newer}", "question", "Customer-SUPPORT", Monday + (5 * Hour), $"https://discord.com/channels/{G}/{newer}"),
                new UnansweredHelpThread($"{older}", "question", "ideas", Monday, $"https://discord.com/channels/{G}/{older}"),
            ],
            signals.UnansweredThreadList);
    }

    [Fact]
    public async Task Run_GuildWithoutHelpChannels_SaysSo()
    {
        const ulong plain = 7_001;
        await _store.WriteAsync(Guild(plain, "Plain", Monday), Channel(plain, 201, "general", Monday));

        var signals = await new SupportSignalsQuery(_store, new FakeTimeProvider(Now))
            .RunAsync(new AnalyticsQuery(plain, AnalyticsWindow.Last(7, DayBucket.FromUnixMs(NowMs)), 10, false), CancellationToken.None);

        Assert.False(signals.HasHelpChannels);
        Assert.Empty(signals.UnansweredThreadList);
        Assert.True((await RunAsync()).HasHelpChannels);
    }

    [Fact]
    public async Task Run_NoThreads_MedianIsNullAndNothingUnanswered()
    {
        var signals = await RunAsync();

        Assert.Equal(0, signals.UnansweredThreads);
        Assert.Null(signals.MedianFirstResponseMinutes);
        Assert.Empty(signals.CommonKeywords);
    }

    [Fact]
    public async Task Run_Excerpts_KeywordsWithoutStopWordsCountedOncePerMessage()
    {
        await _store.WriteAsync(
            Message(G, General, Asker, Monday, n: 1, excerpt: "Refund refund REFUND please, the refund is overdue!"),
            Message(G, General, Helper, Monday + Minute, n: 2, excerpt: "Your refund: login to the portal 2026 ok"),
            Message(G, General, Helper, Monday + (2 * Minute), n: 3, excerpt: "Login works; portal is up."),
            Message(G, General, Bot, Monday + (3 * Minute), n: 4, excerpt: "login login login banana", bot: true));
        var deleted = Message(G, General, Asker, Monday + (4 * Minute), n: 5, excerpt: "banana banana");
        await _store.WriteAsync(deleted, Delete(G, General, deleted.MessageId!.Value, Monday + (5 * Minute)));

        var signals = await RunAsync();

        Assert.Equal(
            [new("login", 2), new("portal", 2), new("refund", 2), new("overdue", 1), new("works", 1)],
            signals.CommonKeywords);
    }

    [Fact]
    public async Task Run_ManyTerms_KeywordsLimitedToTop()
    {
        await _store.WriteAsync(Message(G, General, Asker, Monday, n: 1, excerpt: "alpha bravo charlie delta echo"));

        var signals = await RunAsync(top: 3);

        Assert.Equal(["alpha", "bravo", "charlie"], signals.CommonKeywords.Select(k => k.Keyword));
    }

    [Fact]
    public async Task Run_QuestionInAHelpChannelAnsweredByAPlainMessage_IsAnsweredWithItsResponseTime()
    {
        await PostAsync(Support, Monday, Asker);
        await PostAsync(Support, Monday + (12 * Minute), Helper);

        var signals = await RunAsync();

        Assert.Equal(12.0, signals.MedianMessageFirstResponseMinutes);
        Assert.Null(signals.MedianThreadFirstResponseMinutes);
        Assert.Equal(12.0, signals.MedianFirstResponseMinutes);
        Assert.Equal(0, signals.UnansweredThreads);
    }

    [Fact]
    public async Task Run_AskerPostsSeveralMessagesInARow_OneQuestionTimedFromTheFirst()
    {
        await PostAsync(Support, Monday, Asker);
        await PostAsync(Support, Monday + (5 * Minute), Asker);
        await PostAsync(Support, Monday + (30 * Minute), Helper);

        Assert.Equal(30.0, (await RunAsync()).MedianMessageFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_ReplyToTheQuestion_AnswersButAReplyToAnotherMessageDoesNot()
    {
        var first = await PostAsync(Support, Monday, Asker);
        await PostAsync(Support, Monday + (10 * Minute), Helper);
        var second = await PostAsync(Support, Monday + (20 * Minute), Asker + 10);
        await PostAsync(Support, Monday + (25 * Minute), Helper, replyTo: first);
        await PostAsync(Support, Monday + (50 * Minute), Helper + 10, replyTo: second);

        var signals = await RunAsync();

        // First question: 10 minutes (the plain message); second: 30 minutes (its reply), not 5 (a reply to the first).
        Assert.Equal(20.0, signals.MedianMessageFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_MessageAfter24h_DoesNotAnswerAQuestion()
    {
        await PostAsync(Support, Monday, Asker);
        await PostAsync(Support, Monday + (24 * Hour) + Minute, Helper);

        Assert.Null((await RunAsync()).MedianMessageFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_DeletedMessage_DoesNotAnswerAQuestion()
    {
        await PostAsync(Support, Monday, Asker);
        var answer = await PostAsync(Support, Monday + Minute, Helper);
        await _store.WriteAsync(Delete(G, Support, answer, Monday + (2 * Minute)));
        await PostAsync(Support, Monday + (40 * Minute), Helper);

        Assert.Equal(40.0, (await RunAsync()).MedianMessageFirstResponseMinutes);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, 3.0)]
    public async Task Run_QuestionAnsweredOnlyByABot_CountsOnlyWithIncludeBots(bool includeBots, double? expected)
    {
        await PostAsync(Support, Monday, Asker);
        await PostAsync(Support, Monday + (3 * Minute), Bot, bot: true);

        Assert.Equal(expected, (await RunAsync(includeBots)).MedianMessageFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_QuestionInANonHelpChannel_IsIgnored()
    {
        await PostAsync(General, Monday, Asker);
        await PostAsync(General, Monday + (8 * Minute), Helper);

        var signals = await RunAsync();

        Assert.Null(signals.MedianMessageFirstResponseMinutes);
        Assert.Null(signals.MedianFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_QuestionAskedBeforeTheWindow_IsNotCounted()
    {
        await PostAsync(Support, Monday - (10 * 24 * Hour), Asker);
        await PostAsync(Support, Monday - (10 * 24 * Hour) + (9 * Minute), Helper);

        Assert.Null((await RunAsync()).MedianMessageFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_ThreadsAndQuestions_CombinedMedianOverBothAndOneMedianEach()
    {
        var thread = await AskAsync(Forum, Monday);
        await ReplyAsync(thread, Monday + (45 * Minute), Helper);
        await PostAsync(Support, Monday + Hour, Asker);
        await PostAsync(Support, Monday + Hour + (15 * Minute), Helper);
        await PostAsync(Support, Monday + (3 * Hour), Asker + 10);
        await PostAsync(Support, Monday + (3 * Hour) + (5 * Minute), Helper);

        var signals = await RunAsync();

        Assert.Equal(45.0, signals.MedianThreadFirstResponseMinutes);
        Assert.Equal(10.0, signals.MedianMessageFirstResponseMinutes);
        Assert.Equal(15.0, signals.MedianFirstResponseMinutes);
    }

    [Fact]
    public async Task Run_OwnerUnmarkedTheForumAndMarkedGeneral_FollowsTheSetting()
    {
        var thread = await AskAsync(Forum, Monday);
        await ReplyAsync(thread, Monday + (45 * Minute), Helper);
        await PostAsync(General, Monday + Hour, Asker);
        await PostAsync(General, Monday + Hour + (6 * Minute), Helper);
        var settings = new HelpChannelSettings(_store);

        Assert.Equal(HelpChannelsUpdate.Saved, await settings.SetAsync((long)G, [(long)Support, (long)General], CancellationToken.None));
        var signals = await RunAsync();

        Assert.Null(signals.MedianThreadFirstResponseMinutes);
        Assert.Equal(6.0, signals.MedianMessageFirstResponseMinutes);
    }

    private async Task<SupportSignals> RunAsync(bool includeBots = false, int top = 10)
    {
        var query = new SupportSignalsQuery(_store, new FakeTimeProvider(Now));
        var window = AnalyticsWindow.Last(7, DayBucket.FromUnixMs(NowMs));
        return await query.RunAsync(new AnalyticsQuery(G, window, top, includeBots), CancellationToken.None);
    }

    /// <summary>A new thread under <paramref name="parent"/> whose first message (id == thread id, like a forum post) is the asker's.</summary>
    private async Task<ulong> AskAsync(ulong parent, long at)
    {
        var thread = MessageId(at, _next++);
        await _store.WriteAsync(
            Thread(G, parent, thread, Asker, "question", at),
            new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = G, ChannelId = thread, MessageId = thread, UserId = Asker, EventAt = at, Excerpt = null });
        return thread;
    }

    private async Task<ulong> ReplyAsync(ulong thread, long at, ulong author, bool bot = false)
    {
        var reply = Message(G, thread, author, at, n: _next++, bot: bot);
        await _store.WriteAsync(reply);
        return reply.MessageId!.Value;
    }

    /// <summary>A message directly in <paramref name="channel"/>, optionally a reply to <paramref name="replyTo"/>.</summary>
    private async Task<ulong> PostAsync(ulong channel, long at, ulong author, ulong? replyTo = null, bool bot = false)
    {
        var message = Message(G, channel, author, at, n: _next++, bot: bot) with { ReferencedMessageId = replyTo };
        await _store.WriteAsync(message);
        return message.MessageId!.Value;
    }

    public sealed class OnSqlite() : SupportSignalsQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : SupportSignalsQueryTests(StoreProvider.Postgres);
}
