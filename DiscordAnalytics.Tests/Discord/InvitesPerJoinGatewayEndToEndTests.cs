using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Invites;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>
/// Every join judged on its own, through the whole live app: a random stream of joins (through one invite, through none,
/// through two at once), posts, leaves and rejoins on the loopback gateway, the invites' uses read from its REST routes,
/// against brute force over the stream: per invite, the joins, the stays that posted within 7 days, and (read 31 days
/// later) the stays that lasted 30 days. A member who joined twice through two invites counts once for each. The history
/// backfill of the new guild reads the invites again while the stream runs: no join may lose its invite to that read.
/// </summary>
public sealed class InvitesPerJoinGatewayEndToEndTests : IDisposable
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.PERJOIN-TOKEN-never-log.xyz";
    private const string Guild = "849255963033610000";
    private const string Welcome = "849255963033610001";
    private const string Alice = "309029033213953000";
    private const string Bob = "646617023643649000";
    private static readonly string[] Codes = ["tutorial", "partner", "candlestick"];
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-invites-perjoin-");
    private ulong _messages;

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task Stream_RandomJoinsLeavesRejoinsAndPosts_EveryJoinCountedOnItsOwn(int seed)
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        emulator.ReadyGuildIds = [Guild];
        emulator.AddInvite("tutorial", Alice, Welcome, uses: 3);
        emulator.AddInvite("partner", Bob, Welcome, uses: 10);
        emulator.SetVanityUrl("candlestick", uses: 5);
        await using var app = App(emulator);
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("GUILD_CREATE", GuildCreate());
        await StoreHasAsync(app, async db => await db.Invites.CountAsync() == 3 && await db.Guilds.AnyAsync(g => g.InvitesStatus == InvitesStatuses.Ok));


        var random = new Random(seed);
        var users = Enumerable.Range(1, 5).Select(i => $"90000000000000{i:D4}").ToArray();
        var stays = new List<Stay>();
        var present = new Dictionary<string, Stay>(StringComparer.Ordinal);
        for (var step = 0; step < 36; step++)
        {
            var user = users[random.Next(users.Length)];
            if (!present.TryGetValue(user, out var stay))
            {
                var way = random.Next(10);
                string? code = null;
                if (way < 7)
                {
                    code = Codes[random.Next(Codes.Length)];
                    emulator.UseInvite(code);
                }
                else if (way < 9)
                {
                    // Two invites used at once: no one can say which brought this join.
                    emulator.UseInvite(Codes[0]);
                    emulator.UseInvite(Codes[1 + random.Next(2)]);
                }

                stay = new Stay(user, await JoinAsync(app, emulator, user), code);
                stays.Add(stay);
                present[user] = stay;
            }
            else if (random.Next(2) == 0)
            {
                await PostAsync(app, emulator, user);
                stay.Posted = true;
            }
            else
            {
                await LeaveAsync(app, emulator, user, stay.JoinedAt);
                stay.Left = true;
                present.Remove(user);
            }
        }

        Assert.True(
            stays.GroupBy(s => s.User).Any(g => g.Select(s => s.Code).Where(c => c is not null).Distinct().Count() > 1),
            "the stream should have a member who joined through two invites");
        var today = DayBucket.FromUnixMs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var query = new AnalyticsQuery(ulong.Parse(Guild, CultureInfo.InvariantCulture), AnalyticsWindow.Last(7, today), AnalyticsQuery.MaxTop, false);
        var later = new InvitesQuery(app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>(), new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(31)));
        var actual = await later.RunAsync(query, CancellationToken.None);

        var expected = stays
            .GroupBy(s => s.Code)
            .Select(g => (Code: g.Key, Joins: (long)g.Count(), Posted: (long)g.Count(s => s.Posted), Stayed: (long)g.Count(s => !s.Left)))
            .OrderByDescending(e => e.Joins).ThenBy(e => e.Code is null).ThenBy(e => e.Code, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual.Invites.Select(i => (i.Code, i.Joins, i.PostedWithinSevenDays, i.StillMembersAfterThirtyDays)));

        // The summary over HTTP (now: no join is 30 days old yet) counts the same joins and posts.
        var summary = await client.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{Guild}/summary?window=7d&top=100", JsonSerializerOptions.Web);
        Assert.Equal(
            expected.Select(e => (e.Code, e.Joins, e.Posted, 0L)),
            summary!.Invites!.Select(i => (i.Code, i.Joins, i.PostedWithinSevenDays, i.StillMembersAfterThirtyDays)));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private AnalyticsAppFactory App(Emulator emulator) => new(
        AnalyticsAppFactory.LiveSettings(emulator, Token, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "analytics.db")}",
        }),
        services: services => services.AddSingleton(new GatewaySessionOptions { ReconnectBaseDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) }));

    /// <summary>Dispatches the join and waits until it is attributed; its time (epoch ms).</summary>
    private static async Task<long> JoinAsync(AnalyticsAppFactory app, Emulator emulator, string user)
    {
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await emulator.DispatchAsync("GUILD_MEMBER_ADD", JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["guild_id"] = Guild,
            ["user"] = new { id = user, username = $"joiner{user[^2..]}", discriminator = "0", global_name = (string?)null },
            ["roles"] = Array.Empty<string>(),
            ["joined_at"] = Iso(at),
            ["deaf"] = false,
            ["mute"] = false,
            ["flags"] = 0,
        }));
        var id = long.Parse(user, CultureInfo.InvariantCulture);
        await StoreHasAsync(app, db => db.MemberJoins.AnyAsync(j => j.UserId == id && j.JoinedAt == at && j.IsAttributed));
        return at;
    }

    private async Task PostAsync(AnalyticsAppFactory app, Emulator emulator, string user)
    {
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = Snowflake.FromUnixMs(at) + ++_messages;
        await emulator.DispatchAsync("MESSAGE_CREATE", JsonSerializer.Serialize(new
        {
            id = id.ToString(CultureInfo.InvariantCulture), channel_id = Welcome, guild_id = Guild, type = 0, content = "hello", timestamp = Iso(at),
            author = new { id = user, username = $"joiner{user[^2..]}" },
            mentions = Array.Empty<object>(), mention_roles = Array.Empty<string>(), attachments = Array.Empty<object>(), embeds = Array.Empty<object>(),
        }));
        await StoreHasAsync(app, db => db.MessageFacts.AnyAsync(m => m.MessageId == (long)id));
    }

    private static async Task LeaveAsync(AnalyticsAppFactory app, Emulator emulator, string user, long joinedAt)
    {
        await emulator.DispatchAsync("GUILD_MEMBER_REMOVE", JsonSerializer.Serialize(new
        {
            guild_id = Guild,
            user = new { id = user, username = $"joiner{user[^2..]}", discriminator = "0" },
        }));
        var id = long.Parse(user, CultureInfo.InvariantCulture);
        await StoreHasAsync(app, db => db.MemberJoins.AnyAsync(j => j.UserId == id && j.JoinedAt == joinedAt && j.LeftAt != null));
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

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string GuildCreate() => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = Guild,
        ["name"] = "Per-join Guild",
        ["channels"] = new[] { new { id = Welcome, type = 0, name = "welcome" } },
        ["threads"] = Array.Empty<object>(),
        ["members"] = new[]
        {
            new { user = new { id = Alice, username = "alice", bot = false } },
            new { user = new { id = Bob, username = "bob", bot = false } },
        },
    });

    /// <summary>One join as the test made it: through which invite (null: none could say), and what the stay did.</summary>
    private sealed class Stay(string user, long joinedAt, string? code)
    {
        public string User { get; } = user;

        public long JoinedAt { get; } = joinedAt;

        public string? Code { get; } = code;

        public bool Posted { get; set; }

        public bool Left { get; set; }
    }
}
