using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Loops.SlashCommands;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DiscordAnalytics.Tests.Loops.SlashCommands.SlashCommandsWorld;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Loops.SlashCommands;

/// <summary>
/// /stats, /me and /leaderboard through the whole live app: the guild's switch saved over the API, the commands
/// registered over REST, INTERACTION_CREATE over the loopback gateway, answers sent back to the loopback REST surface.
/// </summary>
public sealed class SlashCommandsEndToEndTests
{
    private const string NoMentions = """{"parse":[]}""";

    [Fact]
    public async Task Switch_OnThenSavedAgainThenOff_ThreeCommandsOnceThenEmptyOverwrite()
    {
        await using var world = await StartAsync();

        await world.SaveAsync(answer: true);
        await world.Emulator.WaitForAsync(e => e.CommandRegistrations(GuildText).Count >= 1, "the commands registered");
        // The same definitions again: nothing to send. An answered command after it proves the save was handled
        // (one queue, in order), so counting now is not a guess about timing.
        await world.SaveAsync(answer: true, statsPublic: true);
        await world.CallAsync("stats", Alice);
        var registered = world.Emulator.CommandRegistrations(GuildText);
        Assert.Single(registered);
        Assert.Equal(Emulator.BotUserId, registered[0].ApplicationOrInteractionId);
        Assert.Equal(["stats", "me", "leaderboard"], registered[0].Body!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.All(registered[0].Body!.AsArray(), c => Assert.Equal(1, c!["type"]!.GetValue<int>()));
        Assert.Equal(200, registered[0].Status);

        await world.SaveAsync(answer: false);
        await world.Emulator.WaitForAsync(e => e.CommandRegistrations(GuildText).Count >= 2, "the commands removed");
        Assert.Equal("[]", world.Emulator.CommandRegistrations(GuildText)[1].Body!.ToJsonString());
        var view = await world.Api.GetFromJsonAsync<JsonObject>($"/api/guilds/{GuildText}/commands");
        Assert.Equal(0, view!["registeredCommands"]!.GetValue<int>());
        Assert.DoesNotContain(world.Logs.Lines, l => l.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SwitchOff_InteractionArrives_NoRegistrationAndNoAnswer()
    {
        await using var world = await StartAsync();

        await world.Emulator.DispatchInteractionAsync(GuildText, Alice.ToString(CultureInfo.InvariantCulture), "stats");
        await world.LoggedAsync("is off there");

        Assert.Empty(world.Emulator.InteractionCalls);
        var view = await world.Api.GetFromJsonAsync<JsonObject>($"/api/guilds/{GuildText}/commands");
        Assert.False(view!["answer"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Stats_PublicAnswer_NumbersEqualTheSummaryOf7Days()
    {
        await using var world = await StartAsync();
        await world.SaveAsync(answer: true, statsPublic: true);

        var answer = await world.CallAsync("stats", Alice);

        var summary = await world.Api.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{GuildText}/summary?window=7d", JsonSerializerOptions.Web);
        var (now, before) = (summary!.Totals, summary.PreviousTotals);
        Assert.Equal((19L, 4L), (now.Messages, before.Messages));
        Assert.Contains($"Messages: {now.Messages:N0} (previous 7 days: {before.Messages:N0}, {Percent(now.Messages, before.Messages)})", answer.Content, StringComparison.Ordinal);
        Assert.Contains($"Active members: {now.ActiveMembers:N0} (previous 7 days: {before.ActiveMembers:N0}, {Percent(now.ActiveMembers, before.ActiveMembers)})", answer.Content, StringComparison.Ordinal);
        var top = summary.TopChannels[0];
        Assert.Contains($"Top channel: #{top.Name} ({top.MessageCount:N0} messages)", answer.Content, StringComparison.Ordinal);
        Assert.Equal(0, answer.Flags);
        Assert.Equal(NoMentions, answer.AllowedMentions);
        Assert.Equal(await world.PreviewAsync("stats"), answer.Content);
        var kept = Assert.Single(world.App.Services.GetRequiredService<SlashCommandLog>().Recent(Guild));
        Assert.Equal(("stats", "answered", true, null), (kept.Command, kept.Result, kept.Public, kept.Text));
    }

    [Fact]
    public async Task Me_HiddenMember_OptedOutEphemeralAndNothingElse()
    {
        await using var world = await StartAsync();
        await world.SaveAsync(answer: true, statsPublic: true, leaderboardPublic: true);
        await world.SetPrivacyAsync(Carol, "hidden");

        var hidden = await world.CallAsync("me", Carol);
        var listed = await world.CallAsync("me", Alice);

        Assert.Equal("You opted out of statistics.", hidden.Content);
        Assert.Equal(64, hidden.Flags);
        Assert.Equal(NoMentions, hidden.AllowedMentions);
        // alice: 7 messages this week and no reaction of hers; carol (hidden) keeps her unnamed first place.
        Assert.StartsWith("Your last 7 days: 7 messages, 0 reactions\nStreak: ", listed.Content, StringComparison.Ordinal);
        Assert.Contains("Leaderboard: #2 of 3", listed.Content, StringComparison.Ordinal);
        Assert.Equal(64, listed.Flags);
        Assert.Equal(await world.PreviewAsync("me", Alice), listed.Content);
    }

    [Fact]
    public async Task Leaderboard_HiddenMember_LeftOutAndPlacesNumberedAmongTheShown()
    {
        await using var world = await StartAsync();
        await world.SaveAsync(answer: true);
        await world.SetPrivacyAsync(Carol, "hidden");

        var answer = await world.CallAsync("leaderboard", Bob);

        Assert.DoesNotContain("carol", answer.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(Carol.ToString(CultureInfo.InvariantCulture), answer.Content, StringComparison.Ordinal);
        var places = answer.Content.Split('\n').Skip(1).ToList();
        Assert.Equal(2, places.Count);
        Assert.StartsWith("1. alice: ", places[0], StringComparison.Ordinal);
        Assert.StartsWith("2. bob: ", places[1], StringComparison.Ordinal);
        Assert.Equal(64, answer.Flags);
        Assert.Equal(NoMentions, answer.AllowedMentions);
    }

    [Fact]
    public async Task Stats_BudgetOfZero_DeferredThenEditWithTheSameText()
    {
        await using var world = await StartAsync(new Dictionary<string, string?> { ["SlashCommands:AnswerBudget"] = "00:00:00" });
        await world.SaveAsync(answer: true);

        var answer = await world.CallAsync("stats", Alice);

        Assert.True(answer.Deferred);
        Assert.Equal(["callback", "edit"], answer.Calls.Select(c => c.Kind));
        Assert.Equal(64, answer.Flags);
        Assert.Equal(NoMentions, answer.AllowedMentions);
        Assert.Equal(Emulator.BotUserId, answer.Calls[1].ApplicationOrInteractionId);
        Assert.Equal(await world.PreviewAsync("stats"), answer.Content);
        Assert.DoesNotContain(world.Logs.Lines, l => l.Contains("interaction-token-never-log", StringComparison.Ordinal));
        Assert.Contains(world.Logs.Lines, l => l.Contains("Slash command /stats in guild", StringComparison.Ordinal) && l.Contains("deferred", StringComparison.Ordinal));
        var kept = Assert.Single(world.App.Services.GetRequiredService<SlashCommandLog>().Recent(Guild));
        Assert.Equal(("stats", "deferred", false), (kept.Command, kept.Result, kept.Public));
    }

    [Fact]
    public async Task Answer_HeldByDiscord_GatewayGoesOnIngestingWhileItWaits()
    {
        await using var world = await StartAsync();
        await world.SaveAsync(answer: true);
        world.Emulator.HoldCallbacks();

        await world.Emulator.DispatchInteractionAsync(GuildText, Alice.ToString(CultureInfo.InvariantCulture), "stats");
        await world.Emulator.WaitForAsync(e => e.HeldCallbacks == 1, "the answer waits for Discord");
        var at = DateTimeOffset.UtcNow;
        await world.Emulator.DispatchAsync("MESSAGE_CREATE", JsonSerializer.Serialize(new
        {
            id = Core.Discord.Snowflake.FromUnixMs(at.ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture),
            channel_id = General.ToString(CultureInfo.InvariantCulture),
            guild_id = GuildText,
            author = new { id = Bob.ToString(CultureInfo.InvariantCulture), username = "bob" },
            content = "while the answer waits",
            timestamp = at.ToString("O", CultureInfo.InvariantCulture),
            type = 0,
        }));

        // The message is stored while the answer is still held: the read loop only queued the interaction.
        var summary = await Eventually.ReturnsAsync(
            () => world.Api.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{GuildText}/summary?window=7d", JsonSerializerOptions.Web),
            s => s!.Totals.Messages == 20);
        Assert.Equal(20, summary!.Totals.Messages);
        Assert.Equal(1, world.Emulator.HeldCallbacks);
        world.Emulator.ReleaseCallbacks();
        await world.Emulator.WaitForAsync(e => e.InteractionCalls.Any(c => c.Kind == "callback" && c.Status == 204), "the held answer delivered");
    }

    [Fact]
    public async Task Register_DiscordAnswers429First_RetriedThroughTheBucketAndRegistered()
    {
        await using var world = await StartAsync();
        var path = $"/applications/{Emulator.BotUserId}/guilds/{GuildText}/commands";
        world.Emulator.EnqueueRateLimited(path, 0.05, global: false);

        await world.SaveAsync(answer: true);

        await world.Emulator.WaitForAsync(e => e.CommandRegistrations(GuildText).Count == 1, "the commands registered after the 429");
        Assert.Equal([429, 200], world.Emulator.RestRequests.Where(r => r.Path == path).Select(r => r.Status));
        Assert.Equal(3, world.Emulator.CommandRegistrations(GuildText)[0].Body!.AsArray().Count);
    }

    [Fact]
    public async Task Register_DiscordRefuses_FailureShownOnTheApiUntilTheNextSaveRegisters()
    {
        await using var world = await StartAsync();
        var path = $"/applications/{Emulator.BotUserId}/guilds/{GuildText}/commands";
        world.Emulator.EnqueueRestResponse(path, 403, """{"message":"Missing Access","code":50001}""");

        await world.SaveAsync(answer: true);

        var failed = await Eventually.ReturnsAsync(
            () => world.Api.GetFromJsonAsync<JsonObject>($"/api/guilds/{GuildText}/commands"),
            v => v!["registration"] is JsonObject);
        var registration = failed!["registration"]!;
        Assert.Equal(("failed", 3, 403), (registration["result"]!.GetValue<string>(), registration["commands"]!.GetValue<int>(), registration["httpStatus"]!.GetValue<int>()));
        Assert.Contains("applications.commands", registration["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.InRange(registration["at"]!.GetValue<long>(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(0, failed["registeredCommands"]!.GetValue<int>());

        // Not retried in a loop: the next save sends them again, and the status follows.
        await world.SaveAsync(answer: true, statsPublic: true);
        var registered = await Eventually.ReturnsAsync(
            () => world.Api.GetFromJsonAsync<JsonObject>($"/api/guilds/{GuildText}/commands"),
            v => v!["registration"]?["result"]?.GetValue<string>() == "registered");
        Assert.Equal(3, registered!["registeredCommands"]!.GetValue<int>());
        Assert.Null(registered["registration"]!["message"]);
        Assert.Equal([403, 200], world.Emulator.RestRequests.Where(r => r.Path == path).Select(r => r.Status));
    }

    [Fact]
    public async Task Queue_Full_ExtraCommandsToldBusyAtOnceAndEveryAcceptedOneAnswered()
    {
        await using var world = await StartAsync(new Dictionary<string, string?> { ["SlashCommands:QueueCapacity"] = "1", ["SlashCommands:ConcurrentAnswers"] = "1" });
        await world.SaveAsync(answer: true, statsPublic: true);
        await world.Emulator.WaitForAsync(e => e.CommandRegistrations(GuildText).Count >= 1, "the commands registered");
        world.Emulator.HoldCallbacks();
        var calls = new List<(string Id, string Token)> { await world.Emulator.DispatchInteractionAsync(GuildText, Alice.ToString(CultureInfo.InvariantCulture), "stats") };
        await world.Emulator.WaitForAsync(e => e.HeldCallbacks == 1, "the first answer waits for Discord");

        for (var i = 0; i < 5; i++)
        {
            calls.Add(await world.Emulator.DispatchInteractionAsync(GuildText, Bob.ToString(CultureInfo.InvariantCulture), "stats"));
        }

        // One answer in flight, one command waiting for its turn, one in the queue at most: the other three (or more)
        // are told at once, while the first answer is still held, not left to Discord's "did not respond".
        await world.Emulator.WaitForAsync(e => e.HeldCallbacks >= 4, "the busy replies sent while the queue is full");
        world.Emulator.ReleaseCallbacks();

        await world.Emulator.WaitForAsync(e => calls.All(c => e.AnswersTo(c.Id, c.Token).Count == 1), "every command answered once");
        var answers = calls.Select(c => world.Emulator.AnswersTo(c.Id, c.Token).Single().Body!["data"]!).ToList();
        var busy = answers.Where(a => a["content"]!.GetValue<string>() == Core.Loops.SlashCommands.SlashInteractionResponder.Busy).ToList();
        Assert.InRange(busy.Count, 3, 4);
        Assert.All(busy, b => Assert.Equal(64, b["flags"]!.GetValue<int>()));
        Assert.All(answers.Except(busy), a => Assert.StartsWith("**", a["content"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(answers[0]["content"]!.GetValue<string>(), await world.PreviewAsync("stats"));
        Assert.Equal(busy.Count, world.Logs.Lines.Count(l => l.Contains("Slash command dropped", StringComparison.Ordinal)));

        // Nothing hung: the next command is answered as usual.
        Assert.Equal(await world.PreviewAsync("stats"), (await world.CallAsync("stats", Alice)).Content);
    }

    [Fact]
    public async Task Me_ForgottenMember_OptedOutAndNothingElse()
    {
        await using var world = await StartAsync();
        await world.SaveAsync(answer: true);
        await world.SetPrivacyAsync(Bob, "forgotten");

        var answer = await world.CallAsync("me", Bob);

        Assert.Equal("You opted out of statistics.", answer.Content);
        Assert.Equal(64, answer.Flags);
    }

    [Fact]
    public async Task Put_BadBodies_400NamingTheFieldAndNothingChanged()
    {
        await using var world = await StartAsync();
        (string Body, string Field)[] cases =
        [
            ("not json", "body"),
            ("[]", "body"),
            ("""{"public":{"stats":true,"leaderboard":true}}""", "answer"),
            ("""{"answer":"yes","public":{"stats":true,"leaderboard":true}}""", "answer"),
            ("""{"answer":true}""", "public"),
            ("""{"answer":true,"public":{"leaderboard":true}}""", "public.stats"),
            ("""{"answer":true,"public":{"stats":true,"leaderboard":1}}""", "public.leaderboard"),
        ];

        foreach (var (body, field) in cases)
        {
            using var response = await world.Api.PutAsync($"/api/guilds/{GuildText}/commands", new StringContent(body, Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal(field, problem!["parameter"]!.GetValue<string>());
        }

        var view = await world.Api.GetFromJsonAsync<JsonObject>($"/api/guilds/{GuildText}/commands");
        Assert.Equal("""{"guildId":"849255963033600000","answer":false,"public":{"stats":false,"leaderboard":false},"registeredCommands":0,"registration":null}""", view!.ToJsonString());
        Assert.Empty(world.Emulator.InteractionCalls);
    }

    private static string Percent(long current, long previous)
    {
        var percent = Math.Round((current - previous) * 100.0 / previous, MidpointRounding.AwayFromZero);
        return (percent > 0 ? "+" : string.Empty) + percent.ToString("0", CultureInfo.InvariantCulture) + "%";
    }
}
