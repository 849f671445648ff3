using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>
/// Invites through the whole live app, the loopback gateway and its REST invite routes: the snapshot at READY, joins
/// attributed from the uses read again (one invite used twice -> both credited; two invites used at once -> unknown),
/// INVITE_CREATE and INVITE_DELETE kept, the vanity URL, and a bot without Manage Server (recorded once, never retried
/// per join, named in the summary).
/// </summary>
public sealed class InvitesGatewayEndToEndTests : IDisposable
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.INVITES-TOKEN-never-log.xyz";
    private const string Guild = "849255963033600000";
    private const string Welcome = "849255963033600001";
    private const string Alice = "309029033213952000";
    private const string Bob = "646617023643648000";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-invites-e2e-");

    [Fact]
    public async Task Joins_OneInviteTwiceThenTwoAtOnceThenNewAndVanity_CreditedOnlyWhenExactlyOneRose()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        emulator.AddInvite("tutorial", Alice, Welcome, uses: 3);
        emulator.AddInvite("partner", Bob, Welcome, uses: 10);
        emulator.SetVanityUrl("candlestick", uses: 5);

        await using var app = App(emulator);
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate());
        await StoreHasAsync(app, async db => await db.Invites.CountAsync() == 3 && await db.Guilds.AnyAsync(g => g.InvitesStatus == InvitesStatuses.Ok && g.Name == "Invites Guild"));

        // One invite used by two members who join close together: both credited, whichever way the reads fall.
        emulator.UseInvite("tutorial", 2);
        await JoinAsync(emulator, "900000000000000001");
        await JoinAsync(emulator, "900000000000000002");
        await AttributedAsync(app, "900000000000000001", "900000000000000002");

        // Two invites used at once: no one knows who came through which, so both are unknown.
        emulator.UseInvite("tutorial");
        emulator.UseInvite("partner");
        await JoinAsync(emulator, "900000000000000003");
        await JoinAsync(emulator, "900000000000000004");
        await AttributedAsync(app, "900000000000000003", "900000000000000004");

        // A new invite (INVITE_CREATE) used once, the old partner link deleted (INVITE_DELETE), the vanity URL used once.
        emulator.AddInvite("fresh", Alice, Welcome);
        await emulator.DispatchAsync("INVITE_CREATE", InviteCreate("fresh", Alice));
        await StoreHasAsync(app, db => db.Invites.AnyAsync(i => i.Code == "fresh" && i.InviterId == long.Parse(Alice)));
        emulator.UseInvite("fresh");
        await JoinAsync(emulator, "900000000000000005");
        await AttributedAsync(app, "900000000000000005");
        emulator.RemoveInvite("partner");
        await emulator.DispatchAsync("INVITE_DELETE", $$"""{"channel_id":"{{Welcome}}","guild_id":"{{Guild}}","code":"partner"}""");
        await StoreHasAsync(app, db => db.Invites.AnyAsync(i => i.Code == "partner" && i.DeletedAt != null));
        emulator.UseInvite("candlestick");
        await JoinAsync(emulator, "900000000000000006");
        await AttributedAsync(app, "900000000000000006");

        var codes = await CodesAsync(app);
        Assert.Equal("tutorial", codes["900000000000000001"]);
        Assert.Equal("tutorial", codes["900000000000000002"]);
        Assert.Null(codes["900000000000000003"]);
        Assert.Null(codes["900000000000000004"]);
        Assert.Equal("fresh", codes["900000000000000005"]);
        Assert.Equal("candlestick", codes["900000000000000006"]);
        Assert.Equal(0, emulator.UnexpectedRateLimits);

        var summary = await client.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{Guild}/summary?window=7d", JsonSerializerOptions.Web);
        Assert.Equal(
            [("tutorial", Alice, 2L), (null, null, 2L), ("candlestick", null, 1L), ("fresh", Alice, 1L)],
            summary!.Invites!.Select(i => (i.Code, i.InviterId, i.Joins)));
        Assert.Equal([(Alice, 3L)], summary.Inviters!.Select(i => (i.InviterId!, i.Joins)));
        Assert.Equal(("ok", (string?)null), (summary.InvitesStatus!.State, summary.InvitesStatus.MissingPermission));
    }

    [Fact]
    public async Task Invites_WithoutManageServer_RecordedOnceNotRetriedPerJoinAndNamed()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        emulator.InvitesForbidden = true;

        await using var app = App(emulator);
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate());
        await StoreHasAsync(app, db => db.Guilds.AnyAsync(g => g.InvitesStatus == InvitesStatuses.MissingPermission && g.Name == "Invites Guild"));
        await JoinAsync(emulator, "900000000000000007");
        await JoinAsync(emulator, "900000000000000008");
        await StoreHasAsync(app, async db => await db.Members.CountAsync(m => m.JoinedAt != null) == 2);

        var summary = await client.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{Guild}/summary?window=7d", JsonSerializerOptions.Web);
        Assert.Equal(("missing_permission", "Manage Server"), (summary!.InvitesStatus!.State, summary.InvitesStatus.MissingPermission));
        Assert.Empty(summary.Invites!);

        // The 403 at READY is the only invite read: the joins did not ask again (no retry loop), nor were they attributed.
        Assert.Equal(1, emulator.InviteRequestCount);
        Assert.Equal(0, await CountAsync(app, db => db.Members.CountAsync(m => m.InviteJoinedAt != null)));
    }

    [Fact]
    public async Task Invites_RefusedWithAnotherCode_SaysWhatFailedAndNamesNoPermission()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        emulator.InvitesForbidden = true;
        emulator.InvitesForbiddenCode = 50001;

        await using var app = App(emulator);
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate());
        await StoreHasAsync(app, db => db.Guilds.AnyAsync(g => g.InvitesStatus != null && g.InvitesStatus.StartsWith(InvitesStatuses.UnreadableState) && g.Name == "Invites Guild"));
        await JoinAsync(emulator, "900000000000000009");
        await StoreHasAsync(app, async db => await db.Members.CountAsync(m => m.JoinedAt != null) == 1);

        var summary = await client.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{Guild}/summary?window=7d", JsonSerializerOptions.Web);
        Assert.Equal(("unreadable", (string?)null), (summary!.InvitesStatus!.State, summary.InvitesStatus.MissingPermission));
        Assert.Equal("Discord answered HTTP 403 (error code 50001) to the invites list", summary.InvitesStatus.Failure);
        Assert.Equal(1, emulator.InviteRequestCount);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private AnalyticsAppFactory App(Emulator emulator) => new(
        AnalyticsAppFactory.LiveSettings(emulator, Token, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "analytics.db")}",
        }),
        services: services => services.AddSingleton(new GatewaySessionOptions { ReconnectBaseDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) }));

    private static Task JoinAsync(Emulator emulator, string user) => emulator.DispatchAsync("GUILD_MEMBER_ADD", JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["guild_id"] = Guild,
        ["user"] = new { id = user, username = $"joiner{user[^2..]}", discriminator = "0", global_name = (string?)null },
        ["roles"] = Array.Empty<string>(),
        ["joined_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
        ["deaf"] = false,
        ["mute"] = false,
        ["flags"] = 0,
    }));

    private static string InviteCreate(string code, string inviter) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["channel_id"] = Welcome,
        ["code"] = code,
        ["created_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
        ["guild_id"] = Guild,
        ["inviter"] = new { id = inviter, username = "alice", discriminator = "0" },
        ["max_age"] = 604800,
        ["max_uses"] = 0,
        ["temporary"] = false,
        ["uses"] = 0,
    });

    private static async Task AttributedAsync(AnalyticsAppFactory app, params string[] users)
    {
        var ids = users.Select(long.Parse).ToList();
        await StoreHasAsync(app, async db => await db.Members.CountAsync(m => ids.Contains(m.UserId) && m.InviteJoinedAt != null && m.InviteJoinedAt == m.JoinedAt) == ids.Count);
    }

    private static async Task<Dictionary<string, string?>> CodesAsync(AnalyticsAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        return await db.Members.Where(m => m.InviteJoinedAt != null).ToDictionaryAsync(m => m.UserId.ToString(CultureInfo.InvariantCulture), m => m.InviteCode);
    }

    private static async Task<int> CountAsync(AnalyticsAppFactory app, Func<AnalyticsDbContext, Task<int>> count)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        return await count(db);
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

    private static string GuildCreate() => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = Guild,
        ["name"] = "Invites Guild",
        ["channels"] = new[] { new { id = Welcome, type = 0, name = "welcome" } },
        ["threads"] = Array.Empty<object>(),
        ["members"] = new[]
        {
            new { user = new { id = Alice, username = "alice", bot = false } },
            new { user = new { id = Bob, username = "bob", bot = false } },
        },
    });
}
