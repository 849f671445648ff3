using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Discord.Invites;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>
/// An invites read that fails other than by a 403 is visible, through the whole live app and the loopback REST routes:
/// a 5xx (after the client's retries), an answer that is not JSON, no answer within the client's request timeout and a
/// dropped connection are stored with what failed and when, shown by the summary, and read again on the tracker's
/// schedule (its clock moved on) and at the next fresh connection; a read that succeeds puts the status back to ok.
/// </summary>
public sealed class InvitesReadFailureGatewayEndToEndTests : IDisposable
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.READFAIL-TOKEN-never-log.xyz";
    private const string Guild = "849255963033620000";
    private const string Welcome = "849255963033620001";

    /// <summary>The configured wait before a failed read is tried again (Invites:RetryAfter), shorter than the default 5 minutes.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-invites-readfail-");

    [Fact]
    public async Task Invites_ServerErrorThenNotJson_VisibleWithWhatAndWhenAndReadAgain()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        emulator.ReadyGuildIds = [Guild];
        emulator.AddInvite("tutorial", null, Welcome, uses: 3);
        emulator.InvitesFailStatus = 503;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = App(emulator, clock);
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate());

        // A 5xx, after the client's own retries: stored, with what failed and when.
        await StoreHasAsync(app, db => db.Guilds.AnyAsync(g => g.InvitesStatus == InvitesStatuses.ReadFailed(InvitesStatuses.HttpFailure, 503)));
        var failed = (await SummaryAsync(client)).InvitesStatus!;
        Assert.Equal(("read_failed", "Discord answered HTTP 503 to the invites list", (string?)null), (failed.State, failed.Failure, failed.MissingPermission));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), failed.CheckedAt);

        // On the schedule: the tracker's clock moves on, Discord answers again, the status is ok again.
        emulator.InvitesFailStatus = null;
        var before = emulator.InviteRequestCount;
        clock.Advance(RetryAfter);
        await StoreHasAsync(app, db => db.Guilds.AnyAsync(g => g.InvitesStatus == InvitesStatuses.Ok));
        Assert.True(emulator.InviteRequestCount > before, "the invites should have been read again on the schedule");
        Assert.Equal(("ok", (string?)null), ((await SummaryAsync(client)).InvitesStatus!.State, (await SummaryAsync(client)).InvitesStatus!.Failure));

        // An answer that is not JSON, at the next fresh connection: said as such.
        emulator.InvitesNotJson = true;
        await emulator.SendInvalidSessionAsync(resumable: false);
        await StoreHasAsync(app, db => db.Guilds.AnyAsync(g => g.InvitesStatus == InvitesStatuses.ReadFailed(InvitesStatuses.NotJsonFailure, null)));
        Assert.Equal(
            ("read_failed", "Discord answered the invites list with something that is not JSON"),
            ((await SummaryAsync(client)).InvitesStatus!.State, (await SummaryAsync(client)).InvitesStatus!.Failure));

        // The next fresh connection reads them again.
        emulator.InvitesNotJson = false;
        await emulator.SendInvalidSessionAsync(resumable: false);
        await StoreHasAsync(app, db => db.Guilds.AnyAsync(g => g.InvitesStatus == InvitesStatuses.Ok));
    }

    [Fact]
    public async Task Invites_NoAnswerInTimeThenDroppedConnection_VisibleWithWhatAndReadAgain()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        emulator.ReadyGuildIds = [Guild];
        emulator.AddInvite("tutorial", null, Welcome, uses: 3);
        emulator.InvitesDelay = TimeSpan.FromSeconds(60);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = App(emulator, clock);
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate());

        // Discord takes longer than the client's request timeout: given up, said as not answered in time.
        await StoreHasAsync(app, db => db.Guilds.AnyAsync(g => g.InvitesStatus == InvitesStatuses.ReadFailed(InvitesStatuses.TimeoutFailure, null)));
        Assert.Equal(
            ("read_failed", "Discord did not answer the invites list in time"),
            ((await SummaryAsync(client)).InvitesStatus!.State, (await SummaryAsync(client)).InvitesStatus!.Failure));

        // The connection drops without an answer, at the tracker's scheduled read: said as not reached.
        emulator.InvitesDelay = null;
        emulator.InvitesDropConnection = true;
        clock.Advance(RetryAfter);
        await StoreHasAsync(app, db => db.Guilds.AnyAsync(g => g.InvitesStatus == InvitesStatuses.ReadFailed(InvitesStatuses.NetworkFailure, null)));
        Assert.Equal(
            ("read_failed", "Discord could not be reached for the invites list"),
            ((await SummaryAsync(client)).InvitesStatus!.State, (await SummaryAsync(client)).InvitesStatus!.Failure));

        // Discord is back: the next scheduled read puts the status back to ok.
        emulator.InvitesDropConnection = false;
        clock.Advance(RetryAfter);
        await StoreHasAsync(app, db => db.Guilds.AnyAsync(g => g.InvitesStatus == InvitesStatuses.Ok));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private AnalyticsAppFactory App(Emulator emulator, FakeTimeProvider clock) => new(
        AnalyticsAppFactory.LiveSettings(emulator, Token, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "analytics.db")}",
            ["Invites:RetryAfter"] = "00:02:00",
        }),
        services: services =>
        {
            services.AddSingleton(new GatewaySessionOptions { ReconnectBaseDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) });
            services.AddSingleton(new DiscordRestOptions { ServerErrorBaseDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = 2, RequestTimeout = TimeSpan.FromSeconds(3) });
            // Only the invite tracker runs on the test's clock, so its retry schedule can be moved on.
            services.AddSingleton(sp => new InviteTracker(
                sp.GetRequiredService<DiscordRestClient>(),
                sp.GetRequiredService<DispatchNormalizer>(),
                sp.GetRequiredService<IIngestionSink>(),
                clock,
                sp.GetRequiredService<IOptions<InvitesOptions>>(),
                sp.GetRequiredService<ILogger<InviteTracker>>()));
        });

    private static async Task<AnalyticsSummary> SummaryAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{Guild}/summary?window=7d", JsonSerializerOptions.Web))!;

    private static async Task StoreHasAsync(AnalyticsAppFactory app, Func<AnalyticsDbContext, Task<bool>> condition) =>
        Assert.True(await Eventually.ReturnsAsync(
            async () =>
            {
                await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
                return await condition(db);
            },
            found => found,
            TimeSpan.FromSeconds(20)), "the store should have taken the status");

    private static string GuildCreate() => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = Guild,
        ["name"] = "Read-failure Guild",
        ["channels"] = new[] { new { id = Welcome, type = 0, name = "welcome" } },
        ["threads"] = Array.Empty<object>(),
        ["members"] = Array.Empty<object>(),
    });
}
