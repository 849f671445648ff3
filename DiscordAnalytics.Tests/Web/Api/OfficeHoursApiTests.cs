using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>GET /api/guilds/{id}/office-hours/draft through the real app over HTTP.</summary>
public sealed class OfficeHoursApiTests : IAsyncLifetime
{
    private const ulong Busy = 4_343_000_000_000_000_823;
    private const ulong Quiet = 4_343_000_000_000_000_824;
    private const ulong Support = 72;
    private const ulong General = 73;
    private const ulong Chat = 74;
    private ApiTestApp _api = null!;

    public async Task InitializeAsync()
    {
        var created = TestDays.Now.AddDays(-60).ToUnixTimeMilliseconds();
        // Two questions on Wednesdays between 10:00 and 11:00 UTC, each answered a minute later; one on a Thursday.
        long[] asked =
        [
            new DateTimeOffset(2026, 11, 11, 10, 40, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            new DateTimeOffset(2026, 11, 18, 10, 5, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
        ];
        List<IngestEvent> events =
        [
            Guild(Busy, "Busy Guild", created),
            Channel(Busy, Support, "support", created),
            Channel(Busy, Chat, "chat", created),
            Guild(Quiet, "Quiet Guild", created),
            Channel(Quiet, General, "general", created),
            Message(Quiet, General, 90, created + 1000),
        ];
        for (var i = 0; i < asked.Length; i++)
        {
            var question = Message(Busy, Support, (ulong)(100 + i), asked[i], n: 1);
            events.Add(question);
            events.Add(Message(Busy, Support, 99, asked[i] + 60_000, n: 2, replyTo: question.MessageId));
        }

        // Chat (no questions) peaks on Thursday at 16:00 UTC: the busiest day and waking hour of messages are not the
        // question slot, so an office-hours action read from message activity would name another hour than the draft.
        var thursday = new DateTimeOffset(2026, 11, 19, 16, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        events.AddRange(Enumerable.Range(0, 6).Select(i => Message(Busy, Chat, (ulong)(200 + i), thursday + (i * 60_000), n: (ulong)(10 + i))));
        _api = await ApiTestApp.StartAsync(events);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Get_QuestionActivity_BusiestSlotWithItsNextStartAndText()
    {
        var draft = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Busy}/office-hours/draft");

        Assert.Equal($"{Busy}", draft.GetProperty("guildId").GetString());
        Assert.Equal("Wednesday", draft.GetProperty("weekday").GetString());
        Assert.Equal(10, draft.GetProperty("hour").GetInt32());
        Assert.Equal("UTC", draft.GetProperty("timeZone").GetString());
        Assert.Equal(2, draft.GetProperty("questions").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), draft.GetProperty("nextAt").GetDateTimeOffset());
        Assert.Equal(
            "Office hours: Wednesday 10:00-11:00 (UTC) in #support. That is when most questions come in, so someone will be around to answer them live. Next one: <t:1795600800:F>.",
            draft.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Insights_OfficeHoursAction_NamesTheDraftsSlot()
    {
        var draft = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Busy}/office-hours/draft");
        var insights = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Busy}/insights?window=7d");

        var action = insights.GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("title").GetString() == "Host office hours")
            .GetProperty("text").GetString();
        var slot = $"{draft.GetProperty("weekday").GetString()}s at {draft.GetProperty("hour").GetInt32():00}:00 {draft.GetProperty("timeZone").GetString()} in #support";
        Assert.Equal("Wednesdays at 10:00 UTC in #support", slot);
        Assert.Contains(slot, action, StringComparison.Ordinal);
        Assert.DoesNotContain("Thursday", action, StringComparison.Ordinal);
        Assert.True(insights.GetProperty("grounded").GetBoolean(), string.Join(", ", insights.GetProperty("violations").EnumerateArray()));
    }

    [Fact]
    public async Task Get_NoQuestionActivity_ZeroQuestionsAndNoText()
    {
        var draft = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Quiet}/office-hours/draft");

        Assert.Equal(0, draft.GetProperty("questions").GetInt32());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("text").ValueKind);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("weekday").ValueKind);
    }

    [Fact]
    public async Task Get_UnknownGuild_NotFound()
    {
        using var response = await _api.Client.GetAsync("/api/guilds/4343000000000000999/office-hours/draft");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
