using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>
/// Escalations and resolution through the whole live app and the loopback gateway: a forum with a "✅ Solved" tag, a
/// help channel, five forum posts (tagged solved after an answer, archived after an answer, archived unanswered, a
/// moderator-role ping, an ask-again a day later) and a question that pings the role; then replays of the thread updates.
/// Receive times (which date a tag) come from a clock the test moves.
/// </summary>
public sealed class SupportEscalationsGatewayEndToEndTests : IDisposable
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.SUPPORT-TOKEN-never-log.xyz";
    private const string Guild = "849255963033800000";
    private const string Forum = "849255963033800001";
    private const string Help = "849255963033800002";
    private const string General = "849255963033800003";
    private const string Mods = "849255963033800011";
    private const string SolvedTag = "849255963033800021";
    private const string BugTag = "849255963033800022";
    private const string Asker = "309029033213952001";
    private const string Helper = "646617023643648001";
    private const long Minute = 60_000;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-support-e2e-");
    private ulong _n;

    [Fact]
    public async Task Support_ForumTagsArchivesAndPings_ResolutionAndEscalationsInTheSummary()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        var t0 = DateTimeOffset.UtcNow.AddDays(-3);
        var at = t0.ToUnixTimeMilliseconds();
        var clock = new SettableWallClock(t0);
        await using var app = App(emulator, clock);
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();

        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate());
        await StoreHasAsync(app, db => db.Roles.AnyAsync(r => r.RoleId == long.Parse(Mods)));
        var put = await client.PutAsJsonAsync($"/api/guilds/{Guild}/escalation-roles", new { roleIds = new[] { Mods } });
        put.EnsureSuccessStatusCode();

        var tagged = await PostAsync(emulator, at, Helper, at + (10 * Minute));
        var archived = await PostAsync(emulator, at, Helper, at + (20 * Minute));
        var unanswered = await PostAsync(emulator, at, null, null);
        var pinged = await PostAsync(emulator, at, null, null);
        await MessageAsync(emulator, pinged, Asker, at + (5 * Minute), mentionRoles: [Mods]);
        var askedAgain = await PostAsync(emulator, at, null, null);
        await MessageAsync(emulator, askedAgain, Asker, at + (25 * 60 * Minute));
        var question = await MessageAsync(emulator, Help, Asker, at + (60 * Minute), mentionRoles: [Mods]);

        clock.Now = t0.AddMinutes(60);
        await emulator.DispatchAsync("THREAD_UPDATE", ThreadUpdate(tagged, [SolvedTag, BugTag], archived: false, archivedAt: null));
        await emulator.DispatchAsync("THREAD_UPDATE", ThreadUpdate(archived, [], archived: true, archivedAt: at + (120 * Minute)));
        await emulator.DispatchAsync("THREAD_UPDATE", ThreadUpdate(unanswered, [], archived: true, archivedAt: at + (30 * Minute)));
        await StoreHasAsync(app, db => db.Set<Core.Storage.Entities.ThreadClosing>().CountAsync().ContinueWith(c => c.Result == 2, TaskScheduler.Default));
        await StoreHasAsync(app, db => db.SupportThreads.CountAsync().ContinueWith(c => c.Result == 5, TaskScheduler.Default));

        var first = (await SummaryAsync(client)).SupportSignals;
        Assert.Equal(0.4, first.ResolvedShare);
        Assert.Equal(90.0, first.MedianResolutionMinutes);
        Assert.Equal(120.0, first.P90ResolutionMinutes);
        Assert.Equal(3, first.Escalations.Count);
        Assert.Equal(
            [
                ("thread", askedAgain, Forum, at + (25 * 60 * Minute), SupportEscalation.AskedAgain),
                ("question", question, Help, at + (60 * Minute), SupportEscalation.RoleMention),
                ("thread", pinged, Forum, at + (5 * Minute), SupportEscalation.RoleMention),
            ],
            first.Escalations.List.Select(e => (e.Kind, e.Id, e.ChannelId, e.At, e.Reason)));

        // Replays (a RESUME, a reconnect's GUILD_CREATE) hours later, and an older state after a newer: nothing moves.
        clock.Now = t0.AddHours(5);
        await emulator.DispatchAsync("THREAD_UPDATE", ThreadUpdate(tagged, [SolvedTag, BugTag], archived: false, archivedAt: null));
        await emulator.DispatchAsync("THREAD_UPDATE", ThreadUpdate(archived, [], archived: true, archivedAt: at + (120 * Minute)));
        await emulator.DispatchAsync("THREAD_UPDATE", ThreadUpdate(unanswered, [], archived: true, archivedAt: at + (30 * Minute)));
        var marker = await MessageAsync(emulator, General, Helper, at + (26 * 60 * Minute));
        await StoreHasAsync(app, db => db.MessageFacts.AnyAsync(m => m.MessageId == long.Parse(marker)));

        var again = (await SummaryAsync(client)).SupportSignals;
        Assert.Equal((0.4, 90.0, 120.0, 3L), (again.ResolvedShare, again.MedianResolutionMinutes, again.P90ResolutionMinutes, again.Escalations.Count));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>A forum post by the asker at <paramref name="startedAt"/>, answered at <paramref name="answerAt"/> by <paramref name="answerer"/> when given.</summary>
    private async Task<string> PostAsync(Emulator emulator, long startedAt, string? answerer, long? answerAt)
    {
        var thread = Id(startedAt);
        await emulator.DispatchAsync("THREAD_CREATE", Json(new
        {
            id = thread, guild_id = Guild, parent_id = Forum, type = 11, name = $"post {thread}", owner_id = Asker, newly_created = true,
            applied_tags = Array.Empty<string>(),
            thread_metadata = new { archived = false, locked = false, archive_timestamp = Iso(startedAt), auto_archive_duration = 10080 },
        }));
        await MessageAsync(emulator, thread, Asker, startedAt, id: thread);
        if (answerer is not null && answerAt is { } answer)
        {
            await MessageAsync(emulator, thread, answerer, answer);
        }

        return thread;
    }

    private async Task<string> MessageAsync(Emulator emulator, string channel, string author, long createdAt, string[]? mentionRoles = null, string? id = null)
    {
        id ??= Id(createdAt);
        await emulator.DispatchAsync("MESSAGE_CREATE", Json(new
        {
            id, channel_id = channel, guild_id = Guild, type = 0, content = "how do I configure this?", timestamp = Iso(createdAt),
            author = new { id = author, username = author == Asker ? "asker" : "helper" },
            mentions = Array.Empty<object>(), mention_roles = mentionRoles ?? [], attachments = Array.Empty<object>(), embeds = Array.Empty<object>(),
        }));
        return id;
    }

    private static string ThreadUpdate(string thread, string[] tags, bool archived, long? archivedAt) => Json(new
    {
        id = thread, guild_id = Guild, parent_id = Forum, type = 11, name = $"post {thread}", owner_id = Asker, applied_tags = tags,
        thread_metadata = new { archived, locked = false, archive_timestamp = archivedAt is { } a ? Iso(a) : null, auto_archive_duration = 10080 },
    });

    private string Id(long at) => (Snowflake.FromUnixMs(at) + ++_n).ToString(CultureInfo.InvariantCulture);

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static async Task<AnalyticsSummary> SummaryAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{Guild}/summary?window=7d", JsonSerializerOptions.Web))!;

    private AnalyticsAppFactory App(Emulator emulator, SettableWallClock clock) => new(
        AnalyticsAppFactory.LiveSettings(emulator, Token, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "analytics.db")}",
        }),
        services: services =>
        {
            services.AddSingleton(new GatewaySessionOptions { ReconnectBaseDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) });
            // Receive times are the gateway session's clock: this one.
            services.AddSingleton(sp => new GatewaySession(
                sp.GetRequiredService<IOptions<DiscordOptions>>(),
                sp.GetRequiredService<DiscordRestClient>(),
                sp.GetRequiredService<SourceStatus>(),
                clock,
                sp.GetRequiredService<ILoggerFactory>(),
                sp.GetRequiredService<GatewaySessionOptions>()));
        });

    private static async Task StoreHasAsync(AnalyticsAppFactory app, Func<AnalyticsDbContext, Task<bool>> condition) =>
        Assert.True(await Eventually.ReturnsAsync(
            async () =>
            {
                await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
                return await condition(db);
            },
            found => found,
            TimeSpan.FromSeconds(20)), "the store should have taken the dispatch");

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string GuildCreate() => Json(new Dictionary<string, object?>
    {
        ["id"] = Guild,
        ["name"] = "Support Guild",
        ["member_count"] = 2,
        ["roles"] = new object[]
        {
            new { id = Guild, name = "@everyone", color = 0, position = 0, managed = false },
            new { id = Mods, name = "moderators", color = 0xFF0000, position = 2, managed = false },
        },
        ["channels"] = new object[]
        {
            new
            {
                id = Forum, name = "questions-forum", type = 15,
                available_tags = new object[] { new { id = SolvedTag, name = "✅ Solved", moderated = false }, new { id = BugTag, name = "bug", moderated = false } },
            },
            new { id = Help, name = "help", type = 0 },
            new { id = General, name = "general", type = 0 },
        },
        ["threads"] = Array.Empty<object>(),
        ["members"] = new object[]
        {
            new { user = new { id = Asker, username = "asker" }, roles = Array.Empty<string>(), joined_at = "2025-01-01T00:00:00+00:00" },
            new { user = new { id = Helper, username = "helper" }, roles = new[] { Mods }, joined_at = "2025-01-01T00:00:00+00:00" },
        },
    });
}
