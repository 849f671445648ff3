using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>The summary's <c>roles</c> and <c>roleChanges</c>, and <c>roleId=</c> on the summary and the CSV exports, through the real HTTP API.</summary>
public sealed class RoleFilterApiTests : IAsyncLifetime
{
    private const ulong G = 4_344_000_000_000_000_001;
    private const ulong General = 11;
    private const ulong Subs = 21;
    private const ulong Mods = 22;
    private const ulong Alice = 31;
    private const ulong Bob = 32;
    private const ulong Carol = 33;
    private ApiTestApp _api = null!;

    public async Task InitializeAsync()
    {
        IngestEvent[] events =
        [
            Guild(G, "Role Guild", At(10, 0)),
            Channel(G, General, "general", At(10, 0)),
            Role(G, Subs, "subscribers", At(10, 0)),
            Role(G, Mods, "moderators", At(10, 0)),
            Member(G, Alice, "alice", At(10, 1)),
            Member(G, Bob, "bob", At(10, 1)),
            Member(G, Carol, "carol", At(10, 1)),
            MemberRoles(G, Alice, At(10, 2), Subs),
            MemberRoles(G, Bob, At(10, 2)),
            MemberRoles(G, Carol, At(10, 2), Mods),
            RoleSnapshot(G, At(10, 2)),
            // In the window (Nov 14-20): Bob becomes a subscriber on the 16th; Alice stops being one on the 18th.
            MemberRoles(G, Bob, At(16, 9), Subs),
            MemberRoles(G, Alice, At(18, 9)),
            Message(G, General, Alice, At(14, 10), 1),
            Message(G, General, Alice, At(14, 11), 2),
            Message(G, General, Bob, At(17, 10), 3),
            Message(G, General, Carol, At(15, 10), 4),
            Message(G, General, Carol, At(15, 11), 5),
            Message(G, General, Carol, At(15, 12), 6),
        ];
        _api = await ApiTestApp.StartAsync(events);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Summary_Roles_HoldersActivityAndChangesPerDay()
    {
        var summary = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{G}/summary?window=7d");

        Assert.Equal(
            [("21", "subscribers", 2, 2, 3L), ("22", "moderators", 1, 1, 3L)],
            summary.GetProperty("roles").EnumerateArray().Select(r => (
                r.GetProperty("roleId").GetString(), r.GetProperty("name").GetString(), r.GetProperty("members").GetInt32(),
                r.GetProperty("activeMembers").GetInt32(), r.GetProperty("messages").GetInt64())));
        var changes = summary.GetProperty("roleChanges").EnumerateArray()
            .Select(d => (d.GetProperty("date").GetString(), d.GetProperty("gained").GetInt32(), d.GetProperty("lost").GetInt32()))
            .Where(d => d.Item2 + d.Item3 > 0);
        Assert.Equal([("2026-11-16", 1, 0), ("2026-11-18", 0, 1)], changes);
        Assert.Equal(At(10, 2), summary.GetProperty("rolesExactFrom").GetInt64());
        Assert.False(summary.TryGetProperty("roleFilter", out _));
    }

    [Fact]
    public async Task Summary_RoleId_MemberNumbersAreTheHoldersOnly()
    {
        var summary = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{G}/summary?window=7d&roleId={Subs}");

        Assert.Equal(["alice", "bob"], summary.GetProperty("topMembers").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(2, summary.GetProperty("totals").GetProperty("activeMembers").GetInt64());
        // Channel-level numbers are the whole guild's.
        Assert.Equal(6, summary.GetProperty("totals").GetProperty("messages").GetInt64());
        var filter = summary.GetProperty("roleFilter");
        Assert.Equal(("21", "subscribers"), (filter.GetProperty("roleId").GetString(), filter.GetProperty("name").GetString()));
        Assert.Contains("topMembers", filter.GetProperty("filtered").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["subscribers"], summary.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Export_RoleId_MembersCsvListsTheHoldersOnly()
    {
        var csv = await _api.Client.GetStringAsync($"/api/guilds/{G}/export/members.csv?window=7d&roleId={Mods}");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("33,carol,3,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Roles_OneRowPerRole()
    {
        var csv = await _api.Client.GetStringAsync($"/api/guilds/{G}/export/roles.csv?window=7d");

        Assert.Equal(
            ["roleId,name,members,activeMembers,messages,reactions", "21,subscribers,2,2,3,0", "22,moderators,1,1,3,0"],
            csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("summary?window=7d&roleId=999")]
    [InlineData("summary?window=7d&roleId=abc")]
    [InlineData("export/members.csv?window=7d&roleId=999")]
    public async Task Get_UnknownRole_Is400NamingRoleId(string path)
    {
        var response = await _api.Client.GetAsync(new Uri($"/api/guilds/{G}/{path}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("roleId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Epoch ms of November <paramref name="day"/>, 2026, at <paramref name="hour"/>:00 UTC.</summary>
    private static long At(int day, int hour) => new DateTimeOffset(2026, 11, day, hour, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
}
