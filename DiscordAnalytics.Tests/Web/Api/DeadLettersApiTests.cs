using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>
/// Dead letters through the real app: a trigger on the app's own store file makes one message fail as a bug would;
/// /healthz counts it, <c>/api/ingestion/dead-letters</c> lists it, a retry before the fix fails again, after the
/// fix applies it once (the summary counts it once), and a second retry is 404.
/// </summary>
public sealed class DeadLettersApiTests
{
    private const ulong Guild = 4_343_000_000_000_000_999;
    private const ulong General = 71;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Retry_AfterTheFix_AppliesTheDeadLetterOnceAndHealthCountsIt()
    {
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        using var api = app.CreateApiClient();
        using var anonymous = app.CreateClient();
        var at = Now.AddHours(-3).ToUnixTimeMilliseconds();
        var messages = Enumerable.Range(0, 10).Select(i => Snowflake.FromUnixMs(at) + (ulong)i).ToList();
        await app.IngestAsync(
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = at, Name = "Dead Letter Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = General, Name = "general", ChannelType = ChannelTypes.Text },
        ]);
        await ExecuteAsync(app, $"CREATE TRIGGER poison BEFORE INSERT ON messageFacts WHEN NEW.messageId = {(long)messages[4]} BEGIN SELECT RAISE(ABORT, 'poisoned for the test'); END");

        await app.IngestAsync(messages.Select(id => new IngestEvent
        {
            Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = Snowflake.ToUnixMs(id), ChannelId = General, MessageId = id, UserId = 81,
        }));

        Assert.Equal(9, await MessagesAsync(api));
        using (var health = await anonymous.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(1, (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ingestion").GetProperty("deadLetters").GetInt32());
        }

        var list = await api.GetFromJsonAsync<JsonElement>("/api/ingestion/dead-letters");
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        var letter = Assert.Single(list.GetProperty("deadLetters").EnumerateArray().ToList());
        Assert.Equal($"{Guild}", letter.GetProperty("guildId").GetString());
        Assert.Equal("message_create", letter.GetProperty("eventType").GetString());
        Assert.Equal($"{messages[4]}", letter.GetProperty("eventId").GetString());
        var id = letter.GetProperty("id").GetInt64();

        Assert.Equal("failedAgain", await RetryAsync(api, $"/api/ingestion/dead-letters/{id}/retry"));
        await ExecuteAsync(app, "DROP TRIGGER poison");
        Assert.Equal("applied", await RetryAsync(api, $"/api/ingestion/dead-letters/{id}/retry"));
        Assert.Equal(10, await MessagesAsync(api));

        using var second = await api.PostAsync($"/api/ingestion/dead-letters/{id}/retry", null);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        using var all = await api.PostAsync("/api/ingestion/dead-letters/retry", null);
        Assert.Equal(0, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetInt32());
        Assert.Equal(10, await MessagesAsync(api));
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/ingestion/dead-letters")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Get_Anonymous_Unauthorized()
    {
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        using var anonymous = app.CreateClient();

        using var list = await anonymous.GetAsync("/api/ingestion/dead-letters");
        using var retry = await anonymous.PostAsync("/api/ingestion/dead-letters/retry", null);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, retry.StatusCode);
    }

    private static async Task<string?> RetryAsync(HttpClient api, string url)
    {
        using var response = await api.PostAsync(url, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString();
    }

    private static async Task<long> MessagesAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/summary?window=7d")).GetProperty("totals").GetProperty("messages").GetInt64();

    private static async Task ExecuteAsync(AnalyticsAppFactory app, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataFolder, "analytics.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
