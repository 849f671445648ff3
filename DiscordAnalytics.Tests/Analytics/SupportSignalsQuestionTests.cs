using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>Questions asked directly in help channels: runs, replies, the 24 h rule, bots, deletes, and the help channel setting.</summary>
public abstract class SupportSignalsQuestionTests(StoreProvider provider) : SupportSignalsTestBase(provider)
{
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
        await Store.WriteAsync(Delete(G, Support, answer, Monday + (2 * Minute)));
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
        var settings = new HelpChannelSettings(Store);

        Assert.Equal(HelpChannelsUpdate.Saved, await settings.SetAsync((long)G, [(long)Support, (long)General], CancellationToken.None));
        var signals = await RunAsync();

        Assert.Null(signals.MedianThreadFirstResponseMinutes);
        Assert.Equal(6.0, signals.MedianMessageFirstResponseMinutes);
    }

    public sealed class OnSqlite() : SupportSignalsQuestionTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : SupportSignalsQuestionTests(StoreProvider.Postgres);
}
