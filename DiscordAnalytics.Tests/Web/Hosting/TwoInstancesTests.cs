using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Leadership;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Retention;
using DiscordAnalytics.Tests.Backfill.GapRepair;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using DiscordAnalytics.Web.Auth;
using Hangfire;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>
/// Two instances of the real app on one PostgreSQL database, live against the loopback Discord emulator: one leads
/// (gateway, writer, jobs), the other serves pages and the API from the store, and takes over when the first stops.
/// </summary>
[Collection(JobServerCollection.Name)]
public sealed class TwoInstancesTests
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.TWO-INSTANCES-TOKEN.xyz";
    private const string BeforeGuild = "849255963033600101";
    private const string AfterGuild = "849255963033600102";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Switch_LeaderStops_StandbyIdentifiesIngestsAcceptsTheCookieAndJobsRunOnce()
    {
        var database = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            await using var emulator = await Emulator.StartAsync();
            emulator.ExpectedToken = Token;
            emulator.ReadyGuildIds = [BeforeGuild, AfterGuild];
            var settings = AnalyticsAppFactory.LiveSettings(emulator, Token, AnalyticsAppFactory.WithJobServer(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = nameof(StoreProvider.Postgres),
                ["Storage:ConnectionString"] = database,
                ["Leadership:CheckInterval"] = "00:00:00.500",
                ["Jobs:QueuePollInterval"] = "00:00:00.200",
            }));
            static void FastReconnects(IServiceCollection services) =>
                services.AddSingleton(new GatewaySessionOptions { ReconnectBaseDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) });

            var first = new AnalyticsAppFactory(settings, services: FastReconnects);
            await using var second = new AnalyticsAppFactory(settings, services: FastReconnects);
            string cookie;
            try
            {
                using var firstApi = first.CreateApiClient();
                await emulator.WaitForIdentifyAsync();
                using var secondApi = second.CreateApiClient();

                // The first leads; the second serves what the first stores and never opens the gateway.
                Assert.Equal("leader", await RoleAsync(firstApi));
                var standby = await HealthAsync(secondApi);
                Assert.Equal("standby", standby.GetProperty("instance").GetProperty("role").GetString());
                Assert.Equal("standby", standby.GetProperty("gateway").GetProperty("state").GetString());
                Assert.Equal(HttpStatusCode.OK, await StatusAsync(secondApi, "/healthz"));
                await emulator.DispatchAsync("GUILD_CREATE", GuildJson(BeforeGuild, "Before Switch"));
                await GuildsUntilAsync(secondApi, names => names.Contains("Before Switch"));

                // A recurring job triggered on the standby runs once, on the leader's job server (the standby has none).
                var storage = second.Services.GetRequiredService<JobStorage>();
                Assert.Single(storage.GetMonitoringApi().Servers());
                second.Services.GetRequiredService<IRecurringJobManager>().Trigger(RetentionJob.RecurringId);
                await Eventually.TrueAsync(() => RetentionRuns(second) == 1, "the retention job runs on the leader", Patience);

                // Signed in on the first.
                using var anonymous = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
                using var login = await CookieLogin.PostAsync(anonymous, AnalyticsAppFactory.AdminPassword);
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
                cookie = CookieLogin.NameAndValue(Assert.Single(CookieLogin.SetCookies(login), c => c.StartsWith("da.admin=", StringComparison.Ordinal)));
                Assert.Equal(1, emulator.IdentifyCount);
                Assert.Equal(1, emulator.ConnectionCount);
            }
            finally
            {
                await first.DisposeAsync();
            }

            // The first stopped: the second identifies within seconds and ingests.
            await emulator.WaitForAsync(e => e.IdentifyCount == 2, "the standby identifies after the leader stopped", Patience);
            using var api = second.CreateApiClient();
            var leader = await Eventually.ReturnsAsync(() => HealthAsync(api), h => h.GetProperty("gateway").GetProperty("state").GetString() == "connected", Patience);
            Assert.Equal("leader", leader.GetProperty("instance").GetProperty("role").GetString());
            await emulator.DispatchAsync("GUILD_CREATE", GuildJson(AfterGuild, "After Switch"));
            var names = await GuildsUntilAsync(api, n => n.Contains("After Switch"));
            Assert.Equal(["After Switch", "Before Switch"], names.Order().ToList());

            // The cookie the first issued signs in on the second.
            using var browser = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            Assert.Equal(HttpStatusCode.OK, await SettingsWithCookieAsync(browser, cookie));
            using var withoutCookie = await browser.GetAsync("/settings");
            Assert.Equal(HttpStatusCode.Redirect, withoutCookie.StatusCode);
            // Both read one key ring, the store's (the same process would otherwise share a folder of keys anyway).
            Assert.IsType<EntityFrameworkCoreXmlRepository<AuthDbContext>>(second.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
            await using (var auth = await second.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync())
            {
                Assert.Single(await auth.DataProtectionKeys.AsNoTracking().ToListAsync());
            }

            // The job ran once; the new leader's server now runs the jobs.
            Assert.Equal(1, RetentionRuns(second));
            await Eventually.TrueAsync(() => second.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Count == 1, "only the new leader's job server is registered", Patience);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task StartTogether_OnAnEmptyDatabase_BothMigrateServeAndExactlyOneLeads()
    {
        var database = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            await using var emulator = await Emulator.StartAsync();
            emulator.ExpectedToken = Token;
            var settings = AnalyticsAppFactory.LiveSettings(emulator, Token, AnalyticsAppFactory.WithJobServer(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = nameof(StoreProvider.Postgres),
                ["Storage:ConnectionString"] = database,
                ["Leadership:CheckInterval"] = "00:00:00.500",
            }));
            await using var first = new AnalyticsAppFactory(settings);
            await using var second = new AnalyticsAppFactory(settings);

            // Both hosts start at the same moment against a database with no tables: the migrations, the job storage's
            // schema and the key ring are created once, and neither start fails.
            var clients = await Task.WhenAll(Task.Run(first.CreateApiClient), Task.Run(second.CreateApiClient));
            try
            {
                await emulator.WaitForIdentifyAsync();
                var health = await Eventually.ReturnsAsync(
                    () => Task.WhenAll(clients.Select(HealthAsync)),
                    hs => hs.All(h => h.GetProperty("store").GetProperty("ok").GetBoolean()) && hs.Any(h => h.GetProperty("instance").GetProperty("role").GetString() == "leader"),
                    Patience);
                Assert.All(health, h => Assert.True(h.GetProperty("store").GetProperty("ok").GetBoolean(), h.ToString()));
                Assert.Equal(["leader", "standby"], health.Select(h => h.GetProperty("instance").GetProperty("role").GetString()).Order());
                Assert.Equal(HttpStatusCode.OK, await StatusAsync(clients[0], "/healthz"));
                Assert.Equal(HttpStatusCode.OK, await StatusAsync(clients[1], "/healthz"));
                Assert.Equal(1, emulator.IdentifyCount);
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task SignOut_OnOneInstance_EndsTheSessionOnTheOther()
    {
        var database = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = nameof(StoreProvider.Postgres),
                ["Storage:ConnectionString"] = database,
                ["Auth:SessionCheckInterval"] = "00:00:00.500",
            };
            await using var first = new AnalyticsAppFactory(settings);
            await using var second = new AnalyticsAppFactory(settings);
            using var anonymous = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var login = await CookieLogin.PostAsync(anonymous, AnalyticsAppFactory.AdminPassword);
            var cookie = CookieLogin.NameAndValue(Assert.Single(CookieLogin.SetCookies(login), c => c.StartsWith("da.admin=", StringComparison.Ordinal)));
            using var onFirst = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            Assert.Equal(HttpStatusCode.OK, await SettingsWithCookieAsync(onFirst, cookie));
            Assert.Equal(HttpStatusCode.OK, await SettingsWithCookieAsync(onSecond, cookie));

            // Signing out on the second ends every session, the first instance's included.
            await second.Services.GetRequiredService<AdminCredentials>().EndAllSessionsAsync(default);

            Assert.Equal(HttpStatusCode.Redirect, await SettingsWithCookieAsync(onSecond, cookie));
            var onFirstAfter = await Eventually.ReturnsAsync(() => SettingsWithCookieAsync(onFirst, cookie), status => status == HttpStatusCode.Redirect);
            Assert.Equal(HttpStatusCode.Redirect, onFirstAfter);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Takeover_GapRepair_StartsFromTheLastEventTheLeaderStored_NotFromWhenTheStandbyStarted()
    {
        var database = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            await using var emulator = await Emulator.StartAsync();
            var world = new GapRepairWorld(emulator, new StorageOptions { Provider = nameof(StoreProvider.Postgres), ConnectionString = database });
            world.Open();
            var settings = new Dictionary<string, string?>
            {
                ["Leadership:CheckInterval"] = "00:00:00.500",
                ["Backfill:GapRepairAfter"] = "01:00:00",
                ["Backfill:GapRepairMargin"] = "00:05:00",
            };
            var first = world.App(settings);
            await using var second = world.App(settings);
            long? atStandbyStart, atTakeover;
            try
            {
                // The first leads on an empty store (no gap) and stores a message three days old.
                _ = first.Services;
                await emulator.WaitForIdentifyAsync();
                await world.GuildCreateAsync();
                await world.DeliverAsync(GapRepairWorld.General, world.Happen(GapRepairWorld.General, DateTimeOffset.UtcNow.AddDays(-3)));
                await world.StoredAsync(1);
                var lastEvents = first.Services.GetRequiredService<ILastEventAtReader>();
                atStandbyStart = await lastEvents.GetLastEventAtAsync(GapRepairWorld.Guild, default);

                // The second starts as a standby then; the leader goes on storing (a message one day old) until it stops.
                _ = second.Services;
                Assert.Equal(InstanceRole.Standby, second.Services.GetRequiredService<InstanceLeadership>().Role);
                await world.DeliverAsync(GapRepairWorld.General, world.Happen(GapRepairWorld.General, DateTimeOffset.UtcNow.AddDays(-1)));
                await world.StoredAsync(2);
                atTakeover = await lastEvents.GetLastEventAtAsync(GapRepairWorld.Guild, default);
                Assert.True(atTakeover > atStandbyStart, $"{atTakeover} after {atStandbyStart}");
                Assert.Empty(await world.GapRunsAsync());
            }
            finally
            {
                await first.DisposeAsync();
            }

            // The second takes over: its first session repairs from the last event stored when it took over (minus the
            // margin), not from the one stored when it started.
            await emulator.WaitForAsync(e => e.IdentifyCount == 2, "the standby identifies after the leader stopped", Patience);
            var runs = await Eventually.ReturnsAsync(world.GapRunsAsync, r => r.Count >= 1, Patience);
            var run = Assert.Single(runs);
            Assert.Equal(atTakeover - (long)TimeSpan.FromMinutes(5).TotalMilliseconds, run.CutoffAt);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static async Task<HttpStatusCode> SettingsWithCookieAsync(HttpClient client, string cookie)
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/settings");
        page.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(page);
        return response.StatusCode;
    }

    private static string GuildJson(string id, string name) =>
        $$$"""{"id":"{{{id}}}","name":"{{{name}}}","channels":[],"threads":[],"members":[]}""";

    private static async Task<JsonElement> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string?> RoleAsync(HttpClient client) =>
        (await HealthAsync(client)).GetProperty("instance").GetProperty("role").GetString();

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    private static async Task<List<string>> GuildsUntilAsync(HttpClient client, Func<List<string>, bool> until)
    {
        var names = await Eventually.ReturnsAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/guilds")).EnumerateArray().Select(g => g.GetProperty("name").GetString()!).ToList(),
            until,
            Patience);
        Assert.True(until(names), $"guilds: {string.Join(", ", names)}");
        return names;
    }

    /// <summary>
    /// How many times the retention job ran: it writes one row per guild it knows, so the most rows of one guild (the
    /// READY's second guild may already be known from its invites read before its GUILD_CREATE).
    /// </summary>
    private static int RetentionRuns(AnalyticsAppFactory app)
    {
        using var db = app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContext();
        var perGuild = db.Set<RetentionRun>().AsNoTracking().Select(r => r.GuildId).ToList().CountBy(id => id).Select(g => g.Value).ToList();
        return perGuild.Count == 0 ? 0 : perGuild.Max();
    }
}
