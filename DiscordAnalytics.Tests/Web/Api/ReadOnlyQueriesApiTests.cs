using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>
/// What the dashboard and scripts read changes nothing in the store: the summary (every card's query, keywords of closed
/// days that have no stored row included), the four CSV exports and the insights leave the store file's
/// <c>data_version</c> where it was and store no keyword day. Real app over HTTP, real SQLite file.
/// </summary>
public sealed class ReadOnlyQueriesApiTests : IAsyncLifetime
{
    private const ulong Guild = 4_343_000_000_000_000_123;
    private const ulong General = 31;
    private ApiTestApp _api = null!;

    public async Task InitializeAsync()
    {
        var at = Now.AddDays(-3).ToUnixTimeMilliseconds();
        IngestEvent[] events =
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = at, Name = "Read Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = General, Name = "general", ChannelType = 0 },
            new() { Type = IngestEventType.MemberUpsert, GuildId = Guild, EventAt = at, UserId = 41, Name = "Ann" },
            .. Enumerable.Range(0, 3).Select(day => new IngestEvent
            {
                Type = IngestEventType.MessageCreate,
                GuildId = Guild,
                EventAt = at + (day * 86_400_000L),
                ChannelId = General,
                MessageId = Snowflake.FromUnixMs(at + (day * 86_400_000L)),
                UserId = 41,
                Excerpt = $"refund request {day}",
            }),
        ];
        _api = await ApiTestApp.StartAsync(events);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task SummaryExportsAndInsights_OnClosedDaysWithoutKeywordRows_ChangeNothingInTheStore()
    {
        await using var probe = new SqliteConnection(_api.App.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
        await probe.OpenAsync();
        var before = await ScalarAsync(probe, "PRAGMA data_version");

        var summary = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/summary?window=7d");
        foreach (var table in new[] { "channels", "members", "content", "daily" })
        {
            Assert.NotEmpty(await _api.Client.GetStringAsync($"/api/guilds/{Guild}/export/{table}.csv?window=30d"));
        }

        Assert.NotEmpty(await _api.Client.GetStringAsync($"/api/guilds/{Guild}/insights?window=7d"));

        Assert.Equal(before, await ScalarAsync(probe, "PRAGMA data_version"));
        Assert.Equal(0, await ScalarAsync(probe, "SELECT count(*) FROM keywordDays"));
        var refund = summary.GetProperty("supportSignals").GetProperty("commonKeywords")[0];
        Assert.Equal("refund", refund.GetProperty("keyword").GetString());
        Assert.Equal(3, refund.GetProperty("count").GetInt64());
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
