using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>Help threads: starters, first responses, the 24 h rule, medians, p90 and the unanswered list, written by the real writer.</summary>
public abstract class SupportSignalsThreadTests(StoreProvider provider) : SupportSignalsTestBase(provider)
{
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
        await Store.WriteAsync(Delete(G, thread, reply, Monday + (2 * Minute)));

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
        await Store.WriteAsync(origin, Thread(G, Support, thread, Asker, "reset", Monday + Minute));
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
    public async Task Run_ThreadAnsweredOnlyAfterManyOfItsAuthorsMessagesOfOneBatch_HasThatFirstResponse()
    {
        // More of the asker's messages than PostgreSQL's writer reads of a thread at once, then the answer, in one batch.
        var thread = await AskAsync(Forum, Monday);
        var followUps = Enumerable.Range(1, 20).Select(i => Message(G, thread, Asker, Monday + i, n: (ulong)(900 + i)));

        await Store.WriteAsync([.. followUps, Message(G, thread, Helper, Monday + (30 * Minute), n: 999)]);

        var signals = await RunAsync();
        Assert.Equal(0, signals.UnansweredThreads);
        Assert.Equal(30.0, signals.MedianFirstResponseMinutes);
    }

    public sealed class OnSqlite() : SupportSignalsThreadTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : SupportSignalsThreadTests(StoreProvider.Postgres);
}
