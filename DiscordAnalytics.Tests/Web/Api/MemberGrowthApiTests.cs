using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>The summary's additive <c>memberGrowth</c> and <c>activation</c> fields, through the real HTTP API.</summary>
public sealed class MemberGrowthApiTests : IAsyncLifetime
{
    private const ulong Guild = 4_343_000_000_000_000_001;
    private ApiTestApp _api = null!;

    public async Task InitializeAsync()
    {
        IngestEvent[] events =
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = At(10, 0), Name = "Growth Guild" },
            // Previous window: one join.
            Join(30, At(10, 9)),
            // This window (Nov 14-20): 31 joins and posts an hour later, 32 joins and stays silent, 33 joined this
            // morning (both periods still open), 34 leaves.
            Join(31, At(14, 9)),
            new()
            {
                Type = IngestEventType.MessageCreate, GuildId = Guild, ChannelId = 10, UserId = 31, EventAt = At(14, 10),
                MessageId = Snowflake.FromUnixMs(At(14, 10)), Excerpt = "hi all",
            },
            Join(32, At(15, 9)),
            Join(33, At(20, 8)),
            new() { Type = IngestEventType.MemberRemove, GuildId = Guild, UserId = 34, EventAt = At(16, 9) },
        ];
        _api = await ApiTestApp.StartAsync(events);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Summary_JoinsLeavesAndFirstPosts_MemberGrowthAndActivation()
    {
        var summary = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/summary?window=7d");

        Assert.Equal(1, summary.GetProperty("schemaVersion").GetInt32());
        var growth = summary.GetProperty("memberGrowth");
        Assert.Equal((3L, 1L, 2L), (growth.GetProperty("joins").GetInt64(), growth.GetProperty("leaves").GetInt64(), growth.GetProperty("net").GetInt64()));
        Assert.Equal((1L, 0L, 1L), (growth.GetProperty("previousJoins").GetInt64(), growth.GetProperty("previousLeaves").GetInt64(), growth.GetProperty("previousNet").GetInt64()));
        var daily = growth.GetProperty("daily");
        Assert.Equal(7, daily.GetArrayLength());
        Assert.Equal(
            [("2026-11-14", 1L, 0L), ("2026-11-15", 1, 0), ("2026-11-16", 0, 1), ("2026-11-17", 0, 0), ("2026-11-18", 0, 0), ("2026-11-19", 0, 0), ("2026-11-20", 1, 0)],
            daily.EnumerateArray().Select(d => (d.GetProperty("date").GetString(), d.GetProperty("joins").GetInt64(), d.GetProperty("leaves").GetInt64())));

        var activation = summary.GetProperty("activation");
        Assert.Equal(3, activation.GetProperty("joined").GetInt64());
        var day = activation.GetProperty("withinOneDay");
        Assert.Equal((2L, 1L, 1L, 0.5), (day.GetProperty("eligible").GetInt64(), day.GetProperty("posted").GetInt64(), day.GetProperty("pending").GetInt64(), day.GetProperty("rate").GetDouble()));
        var week = activation.GetProperty("withinSevenDays");
        Assert.Equal((0L, 0L, 3L), (week.GetProperty("eligible").GetInt64(), week.GetProperty("posted").GetInt64(), week.GetProperty("pending").GetInt64()));
        Assert.Equal(JsonValueKind.Null, week.GetProperty("rate").ValueKind);
    }

    private static IngestEvent Join(ulong user, long at) =>
        new() { Type = IngestEventType.MemberAdd, GuildId = Guild, UserId = user, Name = $"member-{user}", EventAt = at };

    /// <summary>Epoch ms of November <paramref name="day"/>, 2026, at <paramref name="hour"/>:00 UTC.</summary>
    private static long At(int day, int hour) => new DateTimeOffset(2026, 11, day, hour, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
}
