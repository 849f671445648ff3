using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>
/// The whole product in live mode: the web app with a bot token, pointed at the loopback emulator, gets
/// a scripted stretch of activity (with a dropped connection, RESUME and replay in the middle), and
/// the summary API equals the ground truth of the script exactly.
/// </summary>
public sealed class LiveModeEndToEndTests
{
    private const string SecondGuildId = "849255963033600999";
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.E2E-TOKEN-never-log.xyz";

    [Fact]
    public async Task Summary_ScriptedActivityOverGatewayWithResume_EqualsGroundTruth()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.ReadyGuildIds = [GatewayScript.GuildId.ToString(), SecondGuildId];
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var script = GatewayScript.Build(seed: 11, fromMs: now - (20 * 3_600_000L), toMs: now - 60_000, steps: 1_200);
        var logs = new CapturingLoggerProvider();
        await using var app = new AnalyticsAppFactory(
            AnalyticsAppFactory.LiveSettings(emulator, Token),
            services: services =>
            {
                services.AddSingleton(new GatewaySessionOptions { ReconnectBaseDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) });
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            });
        using var client = app.CreateApiClient();

        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("GUILD_CREATE", script.GuildCreateJson);
        await emulator.DispatchAsync("GUILD_CREATE", $$$"""{"id":"{{{SecondGuildId}}}","name":"Second Guild","channels":[],"threads":[],"members":[]}""");
        var half = script.Dispatches.Count / 2;
        foreach (var (name, json) in script.Dispatches.Take(half))
        {
            await emulator.DispatchAsync(name, json);
        }

        // The connection drops; what Discord sends meanwhile is replayed after RESUME.
        emulator.HoldResumes();
        await emulator.DropConnectionAsync();
        foreach (var (name, json) in script.Dispatches.Skip(half))
        {
            await emulator.DispatchAsync(name, json);
        }

        emulator.ReleaseResumes();
        await emulator.WaitForResumeAsync();

        var truth = new GroundTruth(script.Expected);
        var window = AnalyticsWindow.Last(7, DayBucket.FromUnixMs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var expected = truth.TotalsFor(window);
        var summary = await Eventually.ReturnsAsync(
            async () => (await client.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{GatewayScript.GuildId}/summary?window=7d&top=100", JsonSerializerOptions.Web))!,
            s => s.Totals == expected,
            TimeSpan.FromSeconds(30));

        Assert.Equal(GatewayScript.GuildName, summary.GuildName);
        Assert.True(emulator.LastReplayCount > 0, "the resume should have replayed missed dispatches");
        Assert.Equal(expected, summary.Totals);
        Assert.Equal(truth.DailyFor(window), summary.Daily);
        Assert.Equal(truth.TopChannels(window, 100), summary.TopChannels.Select(c => (c.ChannelId, c.MessageCount, c.ReactionCount, c.ThreadCount)).ToList());
        Assert.Equal(truth.TopMembers(window, 100), summary.TopMembers.Select(m => (m.DiscordUserId, m.MessagesSent, m.ReactionsAdded, m.ThreadsStarted)).ToList());
        Assert.Equal(truth.TopContent(window, 100), summary.TopContent.Select(c => (c.MessageId, c.ReactionScore, c.Excerpt)).ToList());
        // Names resolve everywhere; #general's comes from the REST reconcile after GUILD_CREATE.
        Assert.All(summary.TopChannels, c => Assert.NotEqual(c.ChannelId, c.Name));
        Assert.Equal("general", summary.TopChannels.Single(c => c.ChannelId == "849255963033600003").Name);
        Assert.Contains(emulator.RestRequests, r => r.Path.EndsWith("/threads/active", StringComparison.Ordinal));
        Assert.Contains(emulator.RestRequests, r => r.Path.EndsWith("/users/@me", StringComparison.Ordinal));
        Assert.Contains(summary.TopMembers, m => m.Name.StartsWith("Nick ", StringComparison.Ordinal));
        Assert.True(summary.Totals.Messages > 100);

        // Every guild the bot is in shows up (the guild switcher reads this list).
        var guilds = await client.GetFromJsonAsync<JsonElement>("/api/guilds");
        Assert.Equal(["Scripted Guild", "Second Guild"], guilds.EnumerateArray().Select(g => g.GetProperty("name").GetString()!).Order().ToList());
        Assert.All(guilds.EnumerateArray(), g => Assert.Equal("live", g.GetProperty("mode").GetString()));

        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("connected", health.GetProperty("gateway").GetProperty("state").GetString());
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Token, StringComparison.Ordinal) || line.Contains("scripted message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_TokenRejectedByRest_HealthSaysDownWithTheFixAndGatewayIsNeverOpened()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = "the-real-token";
        await using var app = new AnalyticsAppFactory(AnalyticsAppFactory.LiveSettings(emulator, Token));
        using var client = app.CreateApiClient();

        var health = await Eventually.ReturnsAsync(
            () => client.GetFromJsonAsync<JsonElement>("/healthz"),
            h => h.GetProperty("gateway").GetProperty("state").GetString() == "down",
            TimeSpan.FromSeconds(10));

        Assert.Equal("down", health.GetProperty("gateway").GetProperty("state").GetString());
        Assert.Contains("401", health.GetProperty("gateway").GetProperty("reason").GetString());
        Assert.DoesNotContain(Token, health.ToString());
        Assert.Equal(0, emulator.ConnectionCount);
    }
}
