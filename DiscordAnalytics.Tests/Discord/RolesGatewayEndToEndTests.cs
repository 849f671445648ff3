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
/// Roles through the whole live app and the loopback gateway: GUILD_CREATE with roles and every member, then a role
/// renamed, a member given a second role and a role deleted. Receive times come from a clock the test moves, so the
/// spans' times are known exactly.
/// </summary>
public sealed class RolesGatewayEndToEndTests : IDisposable
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.ROLES-TOKEN-never-log.xyz";
    private const string Guild = "849255963033700000";
    private const string Mods = "849255963033700011";
    private const string Subs = "849255963033700012";
    private const string Alice = "309029033213952001";
    private const string Bob = "646617023643648001";
    private const string Carol = "646617023643648002";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-roles-e2e-");

    [Fact]
    public async Task Roles_GuildCreateThenRoleUpdateMemberUpdateAndRoleDelete_SpansAndSummary()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        var clock = new SettableWallClock(t0);
        await using var app = App(emulator, clock);
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();

        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate());
        await StoreHasAsync(app, db => db.MemberRoleSpans.CountAsync().ContinueWith(c => c.Result == 2, TaskScheduler.Default));

        clock.Now = t0.AddMinutes(10);
        await emulator.DispatchAsync("GUILD_ROLE_UPDATE", Json(new { guild_id = Guild, role = new { id = Subs, name = "supporters", color = 0x00FF00, position = 1, managed = false } }));
        await StoreHasAsync(app, db => db.Roles.AnyAsync(r => r.Name == "supporters"));

        clock.Now = t0.AddMinutes(20);
        await emulator.DispatchAsync("GUILD_MEMBER_UPDATE", Json(new { guild_id = Guild, roles = new[] { Subs, Mods }, user = new { id = Bob, username = "bob" } }));
        await StoreHasAsync(app, db => db.MemberRoleSpans.AnyAsync(s => s.UserId == long.Parse(Bob) && s.RoleId == long.Parse(Mods)));

        clock.Now = t0.AddMinutes(30);
        await emulator.DispatchAsync("GUILD_ROLE_DELETE", Json(new { guild_id = Guild, role_id = Mods }));
        await StoreHasAsync(app, db => db.Roles.AnyAsync(r => r.RoleId == long.Parse(Mods) && r.Deleted));

        long created;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync())
        {
            // GUILD_CREATE's receive time: t0, moved on by a millisecond or so (receive times are strictly increasing after READY's).
            created = (await db.RoleSnapshots.SingleAsync()).FirstAt;
            Assert.InRange(created - t0.ToUnixTimeMilliseconds(), 0, 10);
            var spans = (await db.MemberRoleSpans.ToListAsync())
                .Select(s => (s.UserId.ToString(), s.RoleId.ToString(), s.FromAt - t0.ToUnixTimeMilliseconds(), s.ToAt - t0.ToUnixTimeMilliseconds(), s.HeldWhenFirstSeen))
                .OrderBy(s => s.Item1).ThenBy(s => s.Item2).ToList();
            Assert.Equal(
                [
                    (Alice, Mods, created - t0.ToUnixTimeMilliseconds(), (long?)1_800_000, true),
                    (Bob, Mods, 1_200_000, 1_800_000, false),
                    (Bob, Subs, created - t0.ToUnixTimeMilliseconds(), null, true),
                ],
                spans);
            // The @everyone role (the guild's own id) is held by everyone and never stored.
            Assert.Equal([Mods, Subs], (await db.Roles.Select(r => r.RoleId).ToListAsync()).Select(r => r.ToString()).Order());
        }

        var summary = await client.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{Guild}/summary?window=7d", JsonSerializerOptions.Web);
        Assert.Equal([("moderators", 2), ("supporters", 1)], summary!.Roles!.Select(r => (r.Name, r.Members)));
        Assert.Equal((1, 2), (summary.RoleChanges!.Sum(d => d.Gained), summary.RoleChanges!.Sum(d => d.Lost)));
        Assert.Equal(created, summary.RolesExactFrom);
    }

    [Fact]
    public async Task Roles_DeletedWhileAway_AGuildCreateWithoutTheRoleMarksItDeletedAndEndsItsHoldings()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        var clock = new SettableWallClock(t0);
        await using var app = App(emulator, clock);
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate());
        await StoreHasAsync(app, db => db.MemberRoleSpans.CountAsync().ContinueWith(c => c.Result == 2, TaskScheduler.Default));

        // The guild comes back (an outage, a reconnect): its role list no longer has the subscribers role, no
        // GUILD_ROLE_DELETE was ever received for it, and its (partial) member list does not name Bob.
        clock.Now = t0.AddMinutes(40);
        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate(withSubscribers: false));
        await StoreHasAsync(app, db => db.Roles.AnyAsync(r => r.RoleId == long.Parse(Subs) && r.Deleted));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        Assert.False((await db.Roles.SingleAsync(r => r.RoleId == long.Parse(Mods))).Deleted);
        var spans = await db.MemberRoleSpans.OrderBy(s => s.UserId).ToListAsync();
        Assert.Equal(
            [(long.Parse(Alice), long.Parse(Mods), false), (long.Parse(Bob), long.Parse(Subs), true)],
            spans.Select(s => (s.UserId, s.RoleId, s.ToAt is not null)));
        Assert.InRange(spans[1].ToAt!.Value - t0.AddMinutes(40).ToUnixTimeMilliseconds(), 0, 10);
    }

    [Fact]
    public async Task Roles_PartialGuildCreate_TheRestOfTheMemberListIsReadOverRestWithRolesAndMakesFiltersExact()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        var joined = DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        emulator.History.AddMember(Alice, "alice", joined, Mods);
        emulator.History.AddMember(Bob, "bob", joined, Subs);
        emulator.History.AddMember(Carol, "carol", joined, Subs, Mods);
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        await using var app = App(emulator, new SettableWallClock(t0));
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();

        // A large guild: GUILD_CREATE names only Alice of its three members, so no complete list has been seen yet.
        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate(memberCount: 3, withSubscribers: true, onlyAlice: true));
        await StoreHasAsync(app, db => db.RoleSnapshots.AnyAsync());

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        var held = (await db.MemberRoleSpans.Where(s => s.ToAt == null).ToListAsync())
            .Select(s => (s.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), s.RoleId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Order().ToList();
        Assert.Equal([(Alice, Mods), (Bob, Subs), (Carol, Mods), (Carol, Subs)], held);
        Assert.Equal(3, await db.Members.CountAsync());
        Assert.Contains(emulator.RestRequests, r => r.Path.EndsWith($"/guilds/{Guild}/members", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Roles_PartialGuildCreateWithoutTheMembersIntent_TheAppKeepsRunningAndLogsWhatIsMissing()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        emulator.MembersForbidden = true;
        var logs = new CapturingLoggerProvider();
        await using var app = App(emulator, new SettableWallClock(DateTimeOffset.UtcNow.AddHours(-3)), services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();

        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate(memberCount: 3, withSubscribers: true, onlyAlice: true));
        await Eventually.TrueAsync(() => logs.Lines.Any(l => l.Contains("refused (403)", StringComparison.Ordinal)), "the refusal should be logged", TimeSpan.FromSeconds(20));
        Assert.Contains(logs.Lines, l => l.Contains("Server Members intent", StringComparison.Ordinal));
        Assert.Contains(emulator.RestRequests, r => r.Path.EndsWith($"/guilds/{Guild}/members", StringComparison.Ordinal));

        // The gateway's part of the list is kept, no complete list is claimed, and later dispatches are still taken.
        await emulator.DispatchAsync("GUILD_ROLE_CREATE", Json(new { guild_id = Guild, role = new { id = "849255963033700013", name = "helpers", color = 0, position = 1, managed = false } }));
        await StoreHasAsync(app, db => db.Roles.AnyAsync(r => r.Name == "helpers"));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        Assert.Equal([long.Parse(Alice, System.Globalization.CultureInfo.InvariantCulture)], await db.MemberRoleSpans.Select(s => s.UserId).Distinct().ToListAsync());
        Assert.False(await db.RoleSnapshots.AnyAsync());
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private AnalyticsAppFactory App(Emulator emulator, SettableWallClock clock, Action<IServiceCollection>? more = null) => new(
        AnalyticsAppFactory.LiveSettings(emulator, Token, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "analytics.db")}",
        }),
        services: services =>
        {
            more?.Invoke(services);
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

    private static string GuildCreate(bool withSubscribers = true, int memberCount = 2, bool onlyAlice = false) => Json(new Dictionary<string, object?>
    {
        ["id"] = Guild,
        ["name"] = "Roles Guild",
        ["member_count"] = memberCount,
        ["roles"] = new object[]
        {
            new { id = Guild, name = "@everyone", color = 0, position = 0, managed = false },
            new { id = Mods, name = "moderators", color = 0xFF0000, position = 2, managed = false },
            new { id = Subs, name = "subscribers", color = 0, position = 1, managed = false },
        }.Where(r => withSubscribers || !r.ToString()!.Contains(Subs, StringComparison.Ordinal)).ToArray(),
        ["channels"] = Array.Empty<object>(),
        ["threads"] = Array.Empty<object>(),
        ["members"] = new object[]
        {
            new { user = new { id = Alice, username = "alice" }, roles = new[] { Mods }, joined_at = "2025-01-01T00:00:00+00:00" },
            new { user = new { id = Bob, username = "bob" }, roles = new[] { Subs }, joined_at = "2025-01-01T00:00:00+00:00" },
        }.Take(withSubscribers && !onlyAlice ? 2 : 1).ToArray(),
    });
}
