using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>
/// Voice through the whole live app and the loopback gateway: a session spans a dropped connection (the mute sent
/// meanwhile is replayed after RESUME) and a restart whose GUILD_CREATE finds one member still in the channel (resumed)
/// and the other gone (closed at their last counted moment). Receive times come from a clock the test moves, so the
/// minutes are known exactly.
/// </summary>
public sealed class VoiceGatewayEndToEndTests : IDisposable
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.VOICE-TOKEN-never-log.xyz";
    private const string Guild = "849255963033600000";
    private const string Lounge = "849255963033600004";
    private const string Alice = "309029033213952000";
    private const string Bob = "646617023643648000";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-voice-e2e-");

    [Fact]
    public async Task Voice_DropWithResumeThenRestartFindingOneMember_CountsEveryMinuteOnce()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        var clock = new SettableWallClock(t0);

        await using (var app = App(emulator, clock))
        {
            using var client = app.CreateApiClient();
            await emulator.WaitForIdentifyAsync();
            await emulator.DispatchAsync("GUILD_CREATE", GuildCreate());
            // The channel, not the guild: the guild's row can be stored before its GUILD_CREATE (READY names the guild), and a
            // GUILD_CREATE still on its way when the clock moves is received at minute 1, which moves Alice's join 1 ms on
            // (receive times are strictly increasing).
            await StoreHasAsync(app, db => db.Channels.AnyAsync(c => c.ChannelId == long.Parse(Lounge)));
            await StateAsync(emulator, app, clock, t0, minute: 1, Alice, Lounge, muted: false);
            await StateAsync(emulator, app, clock, t0, minute: 11, Bob, Lounge, muted: false);

            // The connection drops; Bob's mute is sent meanwhile and replayed after RESUME, received at minute 21.
            emulator.HoldResumes();
            await emulator.DropConnectionAsync();
            await emulator.DispatchAsync("VOICE_STATE_UPDATE", VoiceState(Bob, Lounge, muted: true));
            clock.Now = (t0.AddMinutes(21));
            emulator.ReleaseResumes();
            await emulator.WaitForResumeAsync();
            await StoreHasAsync(app, db => db.VoiceSessions.AnyAsync(s => s.UserId == long.Parse(Bob) && s.Muted));
        }

        // Back two minutes later: GUILD_CREATE lists Alice, still in the lounge; Bob is gone.
        clock.Now = (t0.AddMinutes(23));
        await using (var app = App(emulator, clock))
        {
            using var client = app.CreateApiClient();
            await emulator.WaitForIdentifyAsync(count: 2);
            await emulator.DispatchAsync("GUILD_CREATE", GuildCreate((Alice, Lounge)));
            await StoreHasAsync(app, db => db.VoiceSessions.AnyAsync(s => s.UserId == long.Parse(Alice) && s.SeenAt >= t0.AddMinutes(23).ToUnixTimeMilliseconds()));
            await StateAsync(emulator, app, clock, t0, minute: 33, Alice, channel: null, muted: false);

            var days = await VoiceDaysAsync(app);
            // Alice: alone 1-11, heard with Bob 11-21, alone 21-23 (Bob unconfirmed, then gone) and 23-33.
            Assert.Equal((10, 0, 22), days[Alice]);
            // Bob: heard with Alice 11-21, muted from 21 until the app stopped; his session ended at 21, its last counted moment.
            Assert.Equal((10, 0, 0), days[Bob]);
            Assert.Equal(1, emulator.LastReplayCount);

            var summary = await client.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{Guild}/summary?window=7d", JsonSerializerOptions.Web);
            Assert.Equal(42, summary!.Totals.VoiceMinutes);
            Assert.Equal(("Lounge", 42L), (summary.TopVoiceChannels![0].Name, summary.TopVoiceChannels[0].Minutes));
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private AnalyticsAppFactory App(Emulator emulator, SettableWallClock clock) => new(
        AnalyticsAppFactory.LiveSettings(emulator, Token, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "analytics.db")}",
            // Checkpoints run on the app's real clock; this test's receive times are its own, so none may interleave.
            ["Ingestion:VoiceCheckpointInterval"] = "00:05:00",
        }),
        services: services =>
        {
            services.AddSingleton(new GatewaySessionOptions { ReconnectBaseDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) });
            // Receive times are the gateway session's clock: this one (its wall time; its delays stay real).
            services.AddSingleton(sp => new GatewaySession(
                sp.GetRequiredService<IOptions<DiscordOptions>>(),
                sp.GetRequiredService<DiscordRestClient>(),
                sp.GetRequiredService<SourceStatus>(),
                clock,
                sp.GetRequiredService<ILoggerFactory>(),
                sp.GetRequiredService<GatewaySessionOptions>()));
        });

    private static async Task StateAsync(Emulator emulator, AnalyticsAppFactory app, SettableWallClock clock, DateTimeOffset t0, int minute, string user, string? channel, bool muted)
    {
        var at = t0.AddMinutes(minute);
        clock.Now = (at);
        await emulator.DispatchAsync("VOICE_STATE_UPDATE", VoiceState(user, channel, muted));
        await StoreHasAsync(app, db => db.VoiceSessions.AnyAsync(s => s.UserId == long.Parse(user) && s.SeenAt >= at.ToUnixTimeMilliseconds()));
    }

    private static async Task StoreHasAsync(AnalyticsAppFactory app, Func<AnalyticsDbContext, Task<bool>> condition) =>
        Assert.True(await Eventually.ReturnsAsync(
            async () =>
            {
                await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
                return await condition(db);
            },
            found => found,
            TimeSpan.FromSeconds(20)), "the store should have taken the dispatch");

    private static async Task<Dictionary<string, (long Talk, long Muted, long Alone)>> VoiceDaysAsync(AnalyticsAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        var rows = await db.VoiceDays.Where(r => r.GuildId == long.Parse(Guild)).ToListAsync();
        return rows.GroupBy(r => r.UserId.ToString()).ToDictionary(
            g => g.Key,
            g => (g.Sum(r => r.TalkMs) / 60_000, g.Sum(r => r.MutedMs) / 60_000, g.Sum(r => r.AloneMs) / 60_000));
    }

    private static string VoiceState(string user, string? channel, bool muted) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["guild_id"] = Guild,
        ["channel_id"] = channel,
        ["user_id"] = user,
        ["member"] = new { user = new { id = user, username = $"user{user[..4]}", bot = false } },
        ["session_id"] = "s",
        ["deaf"] = false,
        ["mute"] = false,
        ["self_deaf"] = false,
        ["self_mute"] = muted,
        ["suppress"] = false,
    });

    private static string GuildCreate(params (string User, string Channel)[] inVoice) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = Guild,
        ["name"] = "Voice Guild",
        ["afk_channel_id"] = null,
        ["channels"] = new[] { new { id = Lounge, type = ChannelTypes.Voice, name = "Lounge" } },
        ["threads"] = Array.Empty<object>(),
        ["members"] = Array.Empty<object>(),
        ["voice_states"] = inVoice.Select(v => new { user_id = v.User, channel_id = v.Channel, self_mute = false, self_deaf = false, mute = false, deaf = false, suppress = false }).ToArray(),
    });
}
