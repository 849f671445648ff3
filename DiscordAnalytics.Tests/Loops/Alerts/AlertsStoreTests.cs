using System.Text.Json.Nodes;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Loops.Alerts;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using GuildMode = DiscordAnalytics.Core.Storage.Entities.GuildMode;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Loops.Alerts.AlertsWorld;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Loops.Alerts;

/// <summary>
/// Alerts over a real store on both providers, posted through the real REST client to the loopback Discord emulator,
/// with the alerts' clock set by the test: each waiting thread or question is posted once however often the runner
/// runs, answered ones never, quiet hours hold and then post once, the backlog fires once and re-arms, a drop fires once
/// per period, a 403 pauses with the reason and a 5xx is retried by the next run.
/// </summary>
public abstract class AlertsStoreTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly SettableWallClock _clock = new(TestDays.Now);
    private TempSqliteStore _store = null!;
    private ulong _next = 1;
    private Emulator _emulator = null!;
    private (AlertSettingsStore Settings, AlertRunner Runner, AlertPreviewer Previewer, AlertHistoryLog History) _alerts;

    private static long NowMs => TestDays.NowMs;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await _store.WriteAsync(Setup());
        _emulator = await Emulator.StartAsync();
        _alerts = Services(_store, _clock, _emulator);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Run_ThreadUnansweredPastTheHours_PostsItExactlyOnceAcrossManyRuns()
    {
        var first = await AskAsync(NowMs - (5 * Hour));
        var second = await AskAsync(NowMs - (2 * Hour));
        await SaveAsync(Settings(unanswered: true, hours: 4));

        await RunManyAsync(6);

        var posted = Assert.Single(_emulator.PostedMessages);
        Assert.Equal(AlertChannel.ToString(), posted.ChannelId);
        var content = posted.Body["content"]!.GetValue<string>();
        Assert.Equal($"<@&{Role}> A help thread in <#{Forum}> has had no answer for more than 4 hours: https://discord.com/channels/{G}/{first}", content);
        Assert.DoesNotContain(AskerName, content, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, content, StringComparison.Ordinal);

        // The second thread's four hours pass: it is posted too, once.
        _clock.Now = TestDays.Now.AddHours(3);
        await RunManyAsync(3);

        Assert.Equal(2, _emulator.PostedMessages.Count);
        Assert.EndsWith($"/{G}/{second}", _emulator.PostedMessages[1].Body["content"]!.GetValue<string>());
        var history = (await _alerts.History.ReadAsync((long)G, 1, 100, CancellationToken.None))!;
        Assert.Equal([$"thread:{second}", $"thread:{first}"], history.Entries.Select(e => e.Target));
        Assert.All(history.Entries, e => Assert.Equal((AlertKind.Unanswered, AlertResult.Sent, 1), (e.Kind, e.Result, e.Attempts)));
    }

    [Fact]
    public async Task Post_WithARole_AllowedMentionsCarryOnlyThatRole()
    {
        await AskAsync(NowMs - (5 * Hour));
        await SaveAsync(Settings(unanswered: true));

        await _alerts.Runner.RunAsync((long)G, CancellationToken.None);

        var mentions = _emulator.PostedMessages.Single().Body["allowed_mentions"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"parse": [], "roles": ["{{Role}}"]}"""), mentions), mentions.ToJsonString());
    }

    [Fact]
    public async Task Run_ThreadAnsweredOrQuestionAnswered_NeverPosts()
    {
        var thread = await AskAsync(NowMs - (6 * Hour));
        await _store.WriteAsync(Answer(thread, NowMs - (5 * Hour), 7));
        var question = TestEvents.Message(G, Help, Asker, NowMs - (6 * Hour), 3, excerpt: Secret);
        await _store.WriteAsync(question, TestEvents.Message(G, Help, Helper, NowMs - (5 * Hour), 4));
        await SaveAsync(Settings(unanswered: true, backlog: true, threshold: 1));

        await RunManyAsync(4);

        Assert.Empty(_emulator.PostedMessages);
        Assert.Equal(0, (await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Total);
    }

    [Fact]
    public async Task Run_QuestionInAHelpChannel_PostsOnceWithALinkToTheMessage()
    {
        var question = TestEvents.Message(G, Help, Asker, NowMs - (6 * Hour), 3, excerpt: Secret);
        await _store.WriteAsync(question);
        await SaveAsync(Settings(unanswered: true, hours: 4));

        await RunManyAsync(3);

        var content = Assert.Single(_emulator.PostedMessages).Body["content"]!.GetValue<string>();
        Assert.EndsWith($"A question in <#{Help}> has had no answer for more than 4 hours: https://discord.com/channels/{G}/{Help}/{question.MessageId}", content);
        Assert.DoesNotContain(Secret, content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InQuietHours_HoldsThenPostsOnceWhenTheyEnd()
    {
        // 12:00 UTC is 13:00 in Berlin (winter time): quiet from 13:00 to 15:00 local.
        await new GuildTimeZone(_store).SetAsync((long)G, "Europe/Berlin", CancellationToken.None);
        await AskAsync(NowMs - (5 * Hour));
        await SaveAsync(Settings(unanswered: true, quietStart: 13, quietEnd: 15));

        await RunManyAsync(3);
        _clock.Now = TestDays.Now.AddHours(1).AddMinutes(50);
        await RunManyAsync(2);

        Assert.Empty(_emulator.PostedMessages);
        var held = (await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Entries;
        Assert.Equal([AlertResult.Held], held.Select(e => e.Result));

        _clock.Now = TestDays.Now.AddHours(2);
        await RunManyAsync(4);

        Assert.Single(_emulator.PostedMessages);
        var sent = (await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Entries;
        Assert.Equal([(AlertResult.Sent, NowMs)], sent.Select(e => (e.Result, e.DueAt)));
    }

    [Fact]
    public async Task Run_AnsweredDuringQuietHours_HeldAlertIsWithdrawnNotPosted()
    {
        await new GuildTimeZone(_store).SetAsync((long)G, "Europe/Berlin", CancellationToken.None);
        var thread = await AskAsync(NowMs - (5 * Hour));
        await SaveAsync(Settings(unanswered: true, quietStart: 13, quietEnd: 15));
        await RunManyAsync(2);
        Assert.Equal([AlertResult.Held], (await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Entries.Select(e => e.Result));

        await _store.WriteAsync(Answer(thread, NowMs + (30 * 60_000), 40));
        _clock.Now = TestDays.Now.AddHours(2);
        await RunManyAsync(3);

        Assert.Empty(_emulator.RestRequests);
        var entry = Assert.Single((await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Entries);
        Assert.Equal((AlertResult.Withdrawn, AlertEvaluator.Answered, 0), (entry.Result, entry.Message, entry.Attempts));
    }

    [Fact]
    public async Task Run_AskerForgottenAfterTheAlertWasRecorded_PostsNothingAndKeepsNoLink()
    {
        // Recorded, then refused with a 5xx (the REST client tries twice): it waits for the next run as failed.
        var path = $"/channels/{AlertChannel}/messages";
        _emulator.EnqueueServerError(path);
        _emulator.EnqueueServerError(path);
        var thread = await AskAsync(NowMs - (5 * Hour));
        await SaveAsync(Settings(unanswered: true));
        await _alerts.Runner.RunAsync((long)G, CancellationToken.None);
        Assert.Equal(AlertResult.Failed, Assert.Single((await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Entries).Result);

        await _store.WriteAsync(TestEvents.Forget(G, Asker, NowMs + 60_000));
        _clock.Now = TestDays.Now.AddMinutes(5);
        await RunManyAsync(3);

        Assert.Empty(_emulator.PostedMessages);
        var entry = Assert.Single((await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Entries);
        // Forgetting takes the author off their messages, so the thread reads as gone: withdrawn all the same, no link kept.
        Assert.Equal((AlertResult.Withdrawn, AlertEvaluator.Gone, (string?)null), (entry.Result, entry.Message, entry.JumpUrl));
        Assert.DoesNotContain(thread.ToString(), entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AskerHidden_HeldAlertWithdrawnAndNewOnesNeverRecorded()
    {
        await new GuildTimeZone(_store).SetAsync((long)G, "Europe/Berlin", CancellationToken.None);
        var held = await AskAsync(NowMs - (5 * Hour));
        await SaveAsync(Settings(unanswered: true, quietStart: 13, quietEnd: 15));
        await RunManyAsync(1);
        await using (var db = _store.NewContext())
        {
            db.MemberPrivacy.Add(new MemberPrivacy { GuildId = (long)G, UserId = (long)Asker, Choice = MemberPrivacyChoice.Hidden, SetAt = NowMs });
            await db.SaveChangesAsync();
        }

        var later = await AskAsync(NowMs - (5 * Hour));
        _clock.Now = TestDays.Now.AddHours(2);
        await RunManyAsync(3);

        Assert.Empty(_emulator.RestRequests);
        Assert.Empty((await _alerts.Previewer.PreviewAsync((long)G, CancellationToken.None))!.Alerts);
        var entry = Assert.Single((await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Entries);
        Assert.Equal(($"thread:{held}", AlertResult.Withdrawn, AlertEvaluator.OptedOut), (entry.Target, entry.Result, entry.Message));
        Assert.NotEqual(held, later);
    }

    [Fact]
    public async Task Run_BacklogAboveTheThreshold_FiresOnceAndReArmsWhenItFallsBack()
    {
        var threads = new List<ulong>();
        for (var i = 0; i < 3; i++)
        {
            threads.Add(await AskAsync(NowMs - (5 * Hour)));
        }

        await SaveAsync(Settings(backlog: true, threshold: 2));

        await RunManyAsync(3);

        var first = Assert.Single(_emulator.PostedMessages).Body["content"]!.GetValue<string>();
        Assert.EndsWith("3 help threads and questions have waited more than 4 hours for an answer (the alert is set above 2).", first);

        // Two are answered: the count falls back to 1 and the alert re-arms without posting.
        await _store.WriteAsync(Answer(threads[0], NowMs + 60_000, 11), Answer(threads[1], NowMs + 60_000, 12));
        _clock.Now = TestDays.Now.AddMinutes(5);
        await RunManyAsync(2);
        Assert.Single(_emulator.PostedMessages);

        // Two new ones wait past the hours: above the threshold again, so it fires again, once.
        await AskAsync(NowMs - (4 * Hour));
        await AskAsync(NowMs - (4 * Hour));
        _clock.Now = TestDays.Now.AddMinutes(10);
        await RunManyAsync(3);

        Assert.Equal(2, _emulator.PostedMessages.Count);
        Assert.All((await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Entries, e => Assert.Equal(AlertKind.Backlog, e.Kind));
    }

    [Fact]
    public async Task Run_MessagesDropOverAWeek_FiresOncePerPeriod()
    {
        // 70 messages in the week before last, 14 last week: down 80%.
        for (var day = 8; day <= 14; day++)
        {
            await _store.WriteAsync([.. Enumerable.Range(0, 10).Select(i => TestEvents.Message(G, General, Helper, TestDays.NineOClock(day) + (i * 60_000), (ulong)i))]);
        }

        for (var day = 1; day <= 7; day++)
        {
            await _store.WriteAsync([.. Enumerable.Range(0, 2).Select(i => TestEvents.Message(G, General, Helper, TestDays.NineOClock(day) + (i * 60_000), (ulong)i))]);
        }

        await SaveAsync(Settings(drop: true, percent: 50, days: 7));

        await RunManyAsync(3);
        var content = Assert.Single(_emulator.PostedMessages).Body["content"]!.GetValue<string>();
        Assert.EndsWith("Messages are down 80%: 14 in the last 7 days (to 2026-11-19, UTC) against 70 the 7 days before.", content);

        // Every day of the next six the last seven days are still down: the period's alert was posted already.
        for (var day = 1; day <= 6; day++)
        {
            _clock.Now = TestDays.Now.AddDays(day);
            await RunManyAsync(1);
        }

        Assert.Single(_emulator.PostedMessages);

        // A week on, a new period: still down (nothing since), so it fires once more.
        _clock.Now = TestDays.Now.AddDays(7);
        await RunManyAsync(2);
        Assert.Equal(2, _emulator.PostedMessages.Count);
    }

    [Fact]
    public async Task Run_ChannelForbidden_PausesWithTheReasonAndPostsNothingMore()
    {
        _emulator.ForbiddenChannelIds.Add(AlertChannel.ToString());
        await AskAsync(NowMs - (5 * Hour));
        await AskAsync(NowMs - (5 * Hour));
        await SaveAsync(Settings(unanswered: true));

        await RunManyAsync(3);
        await _alerts.Runner.RunAllAsync(CancellationToken.None);

        Assert.Single(_emulator.RestRequests, r => r.Method == "POST");
        var view = (await _alerts.Settings.GetAsync((long)G, CancellationToken.None))!;
        Assert.Equal((false, AlertsStatus.Paused), (view.Enabled, view.Status));
        Assert.Contains("403, code 50013", view.StatusMessage);
        Assert.Contains("Send Messages", view.StatusMessage);
        var entries = (await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Entries;
        Assert.Contains(entries, e => e.Result == AlertResult.Failed && e.Message == view.StatusMessage);

        // Switching alerts on again clears the pause; the failed alert is posted once Discord takes it.
        _emulator.ForbiddenChannelIds.Clear();
        await SaveAsync(Settings(unanswered: true));
        Assert.Equal(AlertsStatus.New, (await _alerts.Settings.GetAsync((long)G, CancellationToken.None))!.Status);
        await RunManyAsync(2);
        Assert.Equal(2, _emulator.PostedMessages.Count);
    }

    [Fact]
    public async Task Run_ServerError_FailsThenTheNextRunPostsItOnce()
    {
        var path = $"/channels/{AlertChannel}/messages";
        _emulator.EnqueueServerError(path);
        _emulator.EnqueueServerError(path);
        await AskAsync(NowMs - (5 * Hour));
        await SaveAsync(Settings(unanswered: true));

        var failed = await _alerts.Runner.RunAsync((long)G, CancellationToken.None);

        Assert.Equal((1, 0, 1), (failed.Recorded, failed.Sent, failed.Failed));
        var view = (await _alerts.Settings.GetAsync((long)G, CancellationToken.None))!;
        Assert.Equal((true, AlertsStatus.Failing), (view.Enabled, view.Status));
        Assert.Empty(_emulator.PostedMessages);

        _clock.Now = TestDays.Now.AddMinutes(5);
        await RunManyAsync(3);

        Assert.Single(_emulator.PostedMessages);
        var entry = Assert.Single((await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Entries);
        Assert.Equal((AlertResult.Sent, 2, (string?)null), (entry.Result, entry.Attempts, entry.Message));
        Assert.Equal(AlertsStatus.Ok, (await _alerts.Settings.GetAsync((long)G, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Preview_WaitingThread_ListsItAndChangesNothing()
    {
        var thread = await AskAsync(NowMs - (5 * Hour));
        await SaveAsync(Settings(unanswered: true) with { Enabled = false });

        var preview = (await _alerts.Previewer.PreviewAsync((long)G, CancellationToken.None))!;
        await _alerts.Runner.RunAllAsync(CancellationToken.None);

        Assert.Equal((false, false, 1), (preview.Enabled, preview.QuietNow, preview.Waiting));
        var item = Assert.Single(preview.Alerts);
        Assert.Equal((AlertKind.Unanswered, $"thread:{thread}", "new", $"https://discord.com/channels/{G}/{thread}"), (item.Kind, item.Target, item.State, item.JumpUrl));
        Assert.Empty(_emulator.RestRequests);
        Assert.Equal(0, (await _alerts.History.ReadAsync((long)G, 1, 10, CancellationToken.None))!.Total);
    }

    [Fact]
    public async Task Set_ChannelNotOfTheGuild_IsRefusedAndNothingStored()
    {
        var outcome = await _alerts.Settings.SetAsync((long)G, Settings(unanswered: true) with { ChannelId = 123_456 }, CancellationToken.None);

        Assert.Equal(AlertSettingsUpdate.UnknownChannel, outcome);
        Assert.Equal(AlertSettingsView.Default, await _alerts.Settings.GetAsync((long)G, CancellationToken.None));
    }

    /// <summary>Writes a forum post asked at <paramref name="at"/> and returns its thread id.</summary>
    private async Task<ulong> AskAsync(long at)
    {
        var (thread, events) = Ask(at, _next++);
        await _store.WriteAsync(events);
        return thread;
    }

    private async Task SaveAsync(AlertSettingsInput input) =>
        Assert.Equal(AlertSettingsUpdate.Saved, await _alerts.Settings.SetAsync((long)G, input, CancellationToken.None));

    /// <summary>Runs the job's work <paramref name="times"/> times, five minutes apart on the alerts' clock.</summary>
    private async Task RunManyAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            await _alerts.Runner.RunAllAsync(CancellationToken.None);
            _clock.Now = _clock.Now.AddMinutes(5);
        }
    }

    public sealed class OnSqlite() : AlertsStoreTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : AlertsStoreTests(StoreProvider.Postgres);
}
