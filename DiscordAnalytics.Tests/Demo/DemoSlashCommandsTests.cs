using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Loops.SlashCommands;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>
/// The demo shows the slash commands: its guild answers them from the first start, its members "type" them, and each
/// answer is the real one, recorded as simulated with its text; nothing is sent anywhere.
/// </summary>
public sealed class DemoSlashCommandsTests
{
    [Fact]
    public async Task TypeOne_DemoCommunity_SwitchedOnAndEachCommandAnsweredSimulatedWithTheRealAnswer()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 7, liveEventsPerSecond: 0);
        using var client = app.CreateApiClient();
        var demo = app.Services.GetRequiredService<DemoSlashCommands>();
        var answers = app.Services.GetRequiredService<SlashCommandAnswers>();
        var guild = DemoCommunity.Create(app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed).GuildId;

        // The history is still arriving at first: type until the guild is stored and /stats reads what it answered.
        var typed = new List<SlashCommandAnswered>();
        await Eventually.ReturnsAsync(async () =>
        {
            if (await demo.TypeOneAsync(CancellationToken.None) is { } answered)
            {
                typed.Add(answered);
            }

            return typed.Count >= 6 && typed[^1].Command == "stats" && typed[^1].Text == await answers.StatsAsync(guild, CancellationToken.None);
        }, done => done, TimeSpan.FromSeconds(90));

        Assert.Equal(new SlashCommandsView(Answer: true, StatsPublic: true, LeaderboardPublic: false, RegisteredCommands: 0),
            await app.Services.GetRequiredService<SlashCommandSettingsStore>().GetAsync((long)guild, CancellationToken.None));
        Assert.All(typed, t => Assert.Equal("simulated", t.Result));
        Assert.All(typed, t => Assert.Equal(t.Command == "stats", t.Public));
        Assert.Contains(typed, t => t.Command == "me" && !string.IsNullOrEmpty(t.Text));
        var leaderboard = typed.LastOrDefault(t => t.Command == "leaderboard");
        if (leaderboard is not null)
        {
            Assert.Equal(await answers.LeaderboardAsync(guild, CancellationToken.None), leaderboard.Text);
        }

        Assert.Equal(typed.AsEnumerable().Reverse().Take(SlashCommandLog.Kept), app.Services.GetRequiredService<SlashCommandLog>().Recent(guild));
        Assert.Null(app.Services.GetService<DiscordRestClient>());
    }

    [Fact]
    public async Task TypeOne_OwnerTurnedTheSwitchOff_NothingAnsweredAndTheChoiceKept()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 7, liveEventsPerSecond: 0);
        using var client = app.CreateApiClient();
        var demo = app.Services.GetRequiredService<DemoSlashCommands>();
        var settings = app.Services.GetRequiredService<SlashCommandSettingsStore>();
        var guild = DemoCommunity.Create(app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed).GuildId;
        await Eventually.ReturnsAsync(() => settings.SetAsync((long)guild, answer: false, statsPublic: false, leaderboardPublic: false, CancellationToken.None), saved => saved);

        Assert.Null(await demo.TypeOneAsync(CancellationToken.None));
        Assert.Null(await demo.TypeOneAsync(CancellationToken.None));

        Assert.False((await settings.GetAsync((long)guild, CancellationToken.None))!.Answer);
        Assert.Empty(app.Services.GetRequiredService<SlashCommandLog>().Recent(guild));
    }
}
