using System.Net;
using System.Text.Json;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Loops.ActivityRoles.ActivityRolesWorld;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>
/// The role-rule routes of the real app in live mode: roles change through its REST client on the loopback Discord
/// emulator, which records every PUT and DELETE and refuses like Discord (403 / 50013).
/// </summary>
public sealed class RoleRulesApiTests : IAsyncLifetime
{
    private const string Token = "role-rules-api-token";
    private const long StreakRole = 511, TopRole = 512, MentorRole = 513;
    private static readonly string Route = $"/api/guilds/{G}/role-rules";
    private readonly FakeTimeProvider _time = new(TestDays.Now);
    private Emulator _emulator = null!;
    private AnalyticsAppFactory _app = null!;
    private HttpClient _client = null!;

    /// <summary>All five rules of the world, switch on.</summary>
    private static readonly string AllRules = $$"""
        {"actOnDiscord": true, "rules": [
          {"kind": "messages", "threshold": 5, "days": 7, "roleId": "{{MessagesRole}}"},
          {"kind": "reactions", "threshold": 3, "days": 7, "roleId": "{{ReactionsRole}}"},
          {"kind": "voiceMinutes", "threshold": 30, "days": 7, "roleId": "{{VoiceRole}}"},
          {"kind": "activity", "threshold": 7, "days": 7, "roleId": "{{ActivityRole}}"},
          {"kind": "messages", "threshold": 5, "days": 14, "roleId": {{LongMessagesRole}}, "enabled": true}
        ]}
        """;

    public async Task InitializeAsync()
    {
        _emulator = await Emulator.StartAsync();
        // One attempt per request: the REST client's 5xx backoff waits on the app's clock, the test's fake one.
        _app = new AnalyticsAppFactory(
            AnalyticsAppFactory.LiveSettings(_emulator, Token, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }),
            _time,
            services => services.AddSingleton(new DiscordRestOptions { MaxAttempts = 1 }));
        _client = _app.CreateApiClient();
        var pipeline = _app.Services.GetRequiredService<IngestionPipeline>();
        foreach (var e in Events())
        {
            await pipeline.WriteAsync(e, default);
        }

        await pipeline.FlushAsync(default);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Apply_FiveRules_DiscordGetsExactlyThePreviewAndLaterExactlyTheLosses()
    {
        await PutAsync(AllRules);
        var preview = await PostAsync("/preview");

        var applied = await PostAsync("/apply");

        Assert.Equal(Changes(preview, "gains"), Calls("PUT"));
        Assert.Equal(Expected.SelectMany(e => e.Value.Select(u => (e.Key, u))).Order(), Calls("PUT"));
        Assert.All(_emulator.MemberRoleCalls, c => Assert.StartsWith("DiscordAnalytics activity role rule ", c.AuditLogReason));
        Assert.All(applied.GetProperty("rules").EnumerateArray(), r => Assert.Equal("ok", r.GetProperty("status").GetString()));
        Assert.Equal([(long)ReactionsRole, (long)ActivityRole], _emulator.RolesOf(G, Bo).Select(r => (long)r).Order());
        Assert.All((await PostAsync("/preview")).GetProperty("rules").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("gainCount").GetInt32() + r.GetProperty("lossCount").GetInt32()));

        // Eight days on, only Cy's old messages are out of every window... and everyone else's too, except the 14-day rule's Ada.
        _time.Advance(TimeSpan.FromDays(8));
        var later = await PostAsync("/preview");
        await PostAsync("/apply");

        Assert.Equal(Changes(later, "losses"), Calls("DELETE"));
        Assert.Equal([(MessagesRole, Ada), (ReactionsRole, Bo), (VoiceRole, Di), (ActivityRole, Bo), (ActivityRole, Di), (LongMessagesRole, Cy)], Calls("DELETE").OrderBy(c => c.Role).ThenBy(c => c.User));
        Assert.Equal([(ulong)LongMessagesRole], _emulator.RolesOf(G, Ada));
    }

    [Fact]
    public async Task Apply_BotWithoutManageRoles_ReportsTheRefusalOnTheRuleAndPausesItInsteadOfRetrying()
    {
        await PutAsync(AllRules);
        _emulator.ManageRoles = false;

        var applied = await PostAsync("/apply");
        var callsAfterFirst = _emulator.MemberRoleCalls.Count;
        await PostAsync("/apply");
        await _app.Services.GetRequiredService<ActivityRolesJob>().RunAsync(CancellationToken.None);

        Assert.All(applied.GetProperty("rules").EnumerateArray(), r => Assert.Equal("paused", r.GetProperty("status").GetString()));
        Assert.Equal(5, callsAfterFirst);
        Assert.Equal(callsAfterFirst, _emulator.MemberRoleCalls.Count);
        var rules = (await GetAsync(Route)).GetProperty("rules").EnumerateArray().ToList();
        Assert.All(rules, r =>
        {
            Assert.Equal(("paused", false), (r.GetProperty("status").GetString(), r.GetProperty("enabled").GetBoolean()));
            Assert.Contains("403, code 50013", r.GetProperty("statusMessage").GetString());
            Assert.Contains("Manage Roles", r.GetProperty("statusMessage").GetString());
        });
        var log = await GetAsync(Route + "/log?pageSize=100");
        Assert.All(log.GetProperty("entries").EnumerateArray(), e => Assert.Equal("failed", e.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task Apply_RoleAboveTheBot_PausesOnlyThatRuleWithTheHierarchyReason()
    {
        await PutAsync(AllRules);
        _emulator.RolesAboveBot.Add((ulong)VoiceRole);

        var applied = await PostAsync("/apply");

        var statuses = applied.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(["ok", "ok", "paused", "ok", "ok"], statuses);
        var voice = (await GetAsync(Route)).GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("roleId").GetString() == VoiceRole.ToString());
        Assert.Contains($"move its highest role above role {VoiceRole}", voice.GetProperty("statusMessage").GetString());
        Assert.DoesNotContain((ulong)VoiceRole, _emulator.RolesOf(G, Di));
    }

    [Fact]
    public async Task Apply_DiscordAnswers500_RuleFailingWithTheReasonThenTheNextRunGivesTheRole()
    {
        await PutAsync(AllRules);
        var path = $"/guilds/{G}/members/{Ada}/roles/{MessagesRole}";
        _emulator.EnqueueServerError(path, 500);

        var applied = await PostAsync("/apply");

        var statuses = applied.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(["failing", "ok", "ok", "ok", "ok"], statuses);
        var messages = (await GetAsync(Route)).GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("roleId").GetString() == MessagesRole.ToString());
        Assert.Equal(("failing", true), (messages.GetProperty("status").GetString(), messages.GetProperty("enabled").GetBoolean()));
        Assert.Contains("the next run tries again", messages.GetProperty("statusMessage").GetString());
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), messages.GetProperty("statusAt").GetInt64());
        var failed = (await GetAsync(Route + "/log?pageSize=100")).GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("result").GetString() == "failed");
        Assert.Equal((Ada.ToString(), MessagesRole.ToString()), (failed.GetProperty("userId").GetString(), failed.GetProperty("roleId").GetString()));
        Assert.DoesNotContain((ulong)MessagesRole, _emulator.RolesOf(G, Ada));

        // Retried by the next run (the job), not paused: Discord answers now and the role is given.
        await _app.Services.GetRequiredService<ActivityRolesJob>().RunAsync(CancellationToken.None);

        Assert.Contains((ulong)MessagesRole, _emulator.RolesOf(G, Ada));
        var after = (await GetAsync(Route)).GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("roleId").GetString() == MessagesRole.ToString());
        Assert.Equal("ok", after.GetProperty("status").GetString());
        Assert.Equal([500, 204], _emulator.RestRequests.Where(r => r.Path == path).Select(r => r.Status));
    }

    [Fact]
    public async Task Job_RunAgain_ChangesNothingTheFirstRunDidNot()
    {
        await PutAsync(AllRules);
        var job = _app.Services.GetRequiredService<ActivityRolesJob>();
        await job.RunAsync(CancellationToken.None);
        var first = _emulator.MemberRoleCalls.Count;
        var logged = (await GetAsync(Route + "/log")).GetProperty("total").GetInt32();

        await job.RunAsync(CancellationToken.None);

        Assert.Equal(7, first);
        Assert.Equal(first, _emulator.MemberRoleCalls.Count);
        Assert.Equal(logged, (await GetAsync(Route + "/log")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Apply_RolesGivenByHand_AreNeverRemoved()
    {
        // Cy never qualifies for the 7-day messages role; Bo qualifies for the reactions role he already has.
        _emulator.GiveRole(G, Cy, (ulong)MessagesRole);
        _emulator.GiveRole(G, Bo, (ulong)ReactionsRole);
        await PutAsync(AllRules);
        await PostAsync("/apply");
        _time.Advance(TimeSpan.FromDays(8));

        await PostAsync("/apply");

        Assert.DoesNotContain(_emulator.MemberRoleCalls, c => (c.UserId, c.RoleId) == (Cy, (ulong)MessagesRole) || (c.UserId, c.RoleId) == (Bo, (ulong)ReactionsRole));
        Assert.Contains((ulong)MessagesRole, _emulator.RolesOf(G, Cy));
        Assert.Contains((ulong)ReactionsRole, _emulator.RolesOf(G, Bo));
        var held = (await GetAsync(Route + "/log?pageSize=100")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("result").GetString() == "alreadyHeld").Select(e => e.GetProperty("userId").GetString()).ToList();
        Assert.Equal([Bo.ToString()], held);
    }

    [Fact]
    public async Task Apply_SwitchOff_Is409AndNothingReachesDiscord()
    {
        await PutAsync(AllRules.Replace("\"actOnDiscord\": true", "\"actOnDiscord\": false", StringComparison.Ordinal));

        using var response = await _client.PostAsync(Route + "/apply", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(_emulator.MemberRoleCalls);
    }

    [Theory]
    [InlineData("""{"rules": []}""", "actOnDiscord")]
    [InlineData("""{"actOnDiscord": true}""", "rules")]
    [InlineData("""{"actOnDiscord": true, "rules": [{"kind": "weekly", "threshold": 5, "days": 7, "roleId": "501"}]}""", "rules[0].kind")]
    [InlineData("""{"actOnDiscord": true, "rules": [{"kind": "streak", "threshold": 400, "days": 7, "roleId": "501"}]}""", "rules[0].threshold")]
    [InlineData("""{"actOnDiscord": true, "rules": [{"kind": "leaderboardTop", "threshold": 101, "days": 7, "roleId": "501"}]}""", "rules[0].threshold")]
    [InlineData("""{"actOnDiscord": true, "rules": [{"kind": "mentor", "threshold": 0, "days": 30, "roleId": "501"}]}""", "rules[0].threshold")]
    [InlineData("""{"actOnDiscord": true, "rules": [{"kind": "mentor", "threshold": 3, "days": 0, "roleId": "501"}]}""", "rules[0].days")]
    [InlineData("""{"actOnDiscord": true, "rules": [{"kind": "messages", "threshold": 0, "days": 7, "roleId": "501"}]}""", "rules[0].threshold")]
    [InlineData("""{"actOnDiscord": true, "rules": [{"kind": "messages", "threshold": 5, "days": 400, "roleId": "501"}]}""", "rules[0].days")]
    [InlineData("""{"actOnDiscord": true, "rules": [{"kind": "messages", "threshold": 5, "days": 7, "roleId": "abc"}]}""", "rules[0].roleId")]
    [InlineData("""{"actOnDiscord": true, "rules": [{"kind": "messages", "threshold": 5, "days": 7, "roleId": "9100"}]}""", "rules[0].roleId")]
    [InlineData("""{"actOnDiscord": true, "rules": [{"kind": "messages", "threshold": 5, "days": 7, "roleId": "501"}, {"kind": "reactions", "threshold": 5, "days": 7, "roleId": "501"}]}""", "rules[1].roleId")]
    [InlineData("""{"actOnDiscord": true, "rules": [{"id": "77", "kind": "messages", "threshold": 5, "days": 7, "roleId": "501"}]}""", "rules")]
    [InlineData("""not json""", "body")]
    public async Task Put_BadRule_Is400NamingTheFieldAndNothingChanges(string body, string field)
    {
        await PutAsync(AllRules);
        var before = (await GetAsync(Route)).GetRawText();

        using var response = await _client.PutAsync(Route, RequestBody.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, problem.RootElement.GetProperty("parameter").GetString());
        Assert.Equal(before, (await GetAsync(Route)).GetRawText());
    }

    [Fact]
    public async Task Log_AfterApply_NewestFirstInPages()
    {
        await PutAsync(AllRules);
        await PostAsync("/apply");

        var first = await GetAsync(Route + "/log?page=1&pageSize=4");
        var second = await GetAsync(Route + "/log?page=2&pageSize=4");

        Assert.Equal(7, first.GetProperty("total").GetInt32());
        var ids = first.GetProperty("entries").EnumerateArray().Concat(second.GetProperty("entries").EnumerateArray())
            .Select(e => long.Parse(e.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(7, ids.Distinct().Count());
        using var bad = await _client.GetAsync(Route + "/log?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    /// <summary>
    /// Help questions in a help channel (Cy asks twice; Ada answers both first, Bo replies to one), Bo active on the last
    /// three days, and the roles of Ada (holding the mentor role by hand) and Bo known from the gateway.
    /// </summary>
    private async Task WriteStreakLeaderboardAndMentorWorldAsync()
    {
        var pipeline = _app.Services.GetRequiredService<IngestionPipeline>();
        IngestEvent[] events =
        [
            .. RankingEvents(),
            TestEvents.MemberRoles(G, Ada, TestDays.NineOClock(5), (ulong)MentorRole),
            TestEvents.MemberRoles(G, Bo, TestDays.NineOClock(5)),
        ];
        foreach (var e in events)
        {
            await pipeline.WriteAsync(e, default);
        }

        await pipeline.FlushAsync(default);
        _emulator.GiveRole(G, Ada, (ulong)MentorRole);
    }

    [Fact]
    public async Task Apply_StreakLeaderboardAndMentorRules_DiscordGetsExactlyThePreviewAndStoredRolesSpareTheMemberReads()
    {
        await WriteStreakLeaderboardAndMentorWorldAsync();
        await PutAsync($$"""
            {"actOnDiscord": true, "rules": [
              {"kind": "streak", "threshold": 3, "days": 1, "roleId": "{{StreakRole}}"},
              {"kind": "leaderboardTop", "threshold": 2, "days": 7, "roleId": "{{TopRole}}"},
              {"kind": "mentor", "threshold": 2, "days": 7, "roleId": "{{MentorRole}}"}
            ]}
            """);
        var board = await GetAsync($"/api/guilds/{G}/leaderboard?window=7d&by=activity&top=2");
        var top2 = board.GetProperty("entries").EnumerateArray().Select(e => ulong.Parse(e.GetProperty("userId").GetString()!)).ToList();
        var preview = await PostAsync("/preview");

        await PostAsync("/apply");

        // The preview lists Ada's gain too: apply finds she holds the role already and records that instead of a call.
        Assert.Equal(Changes(preview, "gains"), Calls("PUT").Append((MentorRole, Ada)).Order());
        // Bo alone has a 3-day streak; Ada answered both questions first but holds the mentor role already (by hand, as
        // the stored roles say), so only Bo gains it; the top two of the leaderboard gain theirs.
        Assert.Equal(
            new[] { (StreakRole, Bo), (MentorRole, Bo) }.Concat(top2.Select(u => (TopRole, u))).Order(),
            Calls("PUT"));
        Assert.Equal(2, top2.Count);
        var held = (await GetAsync(Route + "/log?pageSize=100")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("result").GetString() == "alreadyHeld").Select(e => e.GetProperty("userId").GetString()).ToList();
        Assert.Equal([Ada.ToString()], held);
        // Ada's and Bo's roles are known from the gateway: Discord was never asked for them.
        Assert.DoesNotContain(_emulator.RestRequests, r => r.Method == "GET" && (r.Path.EndsWith($"/members/{Ada}", StringComparison.Ordinal) || r.Path.EndsWith($"/members/{Bo}", StringComparison.Ordinal)));

        // Eight days on, nobody qualifies: the app takes back exactly what it gave, never Ada's own mentor role.
        _time.Advance(TimeSpan.FromDays(8));
        var later = await PostAsync("/preview");
        await PostAsync("/apply");

        Assert.Equal(Changes(later, "losses"), Calls("DELETE"));
        Assert.Equal(Calls("PUT"), Calls("DELETE"));
        Assert.Contains((ulong)MentorRole, _emulator.RolesOf(G, Ada));
    }

    private IEnumerable<(long Role, ulong User)> Calls(string method) =>
        _emulator.MemberRoleCalls.Where(c => c.Method == method && c.Status == 204).Select(c => ((long)c.RoleId, c.UserId)).Order();

    private static IEnumerable<(long Role, ulong User)> Changes(JsonElement preview, string list) =>
        preview.GetProperty("rules").EnumerateArray()
            .SelectMany(r => r.GetProperty(list).EnumerateArray().Select(m => (long.Parse(r.GetProperty("roleId").GetString()!), ulong.Parse(m.GetProperty("userId").GetString()!))))
            .Order();

    private async Task PutAsync(string body)
    {
        using var response = await _client.PutAsync(Route, RequestBody.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> PostAsync(string path)
    {
        using var response = await _client.PostAsync(Route + path, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
