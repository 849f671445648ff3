using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Loops.SlashCommands;

/// <summary>
/// The live app connected to the loopback Discord, with a week of messages written through the real ingestion
/// pipeline: alice and bob in #general and #random, carol the busiest (hidden or not, as a test decides), and a few
/// messages the week before. Commands are called through the emulator's INTERACTION_CREATE; answers are read from
/// what the emulator received.
/// </summary>
public sealed class SlashCommandsWorld : IAsyncDisposable
{
    public const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.SLASH-TOKEN-never-log.xyz";
    public const ulong Guild = 849255963033600000;
    public const ulong General = 849255963033600101;
    public const ulong Random = 849255963033600102;
    public const ulong Alice = 309029033213952001;
    public const ulong Bob = 646617023643648001;
    public const ulong Carol = 716617023643648002;

    private SlashCommandsWorld(Emulator emulator, AnalyticsAppFactory app, HttpClient api, CapturingLoggerProvider logs)
    {
        Emulator = emulator;
        App = app;
        Api = api;
        Logs = logs;
    }

    public Emulator Emulator { get; }

    public AnalyticsAppFactory App { get; }

    public HttpClient Api { get; }

    public CapturingLoggerProvider Logs { get; }

    public static string GuildText => Guild.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Starts the emulator and the app (with <paramref name="settings"/>), waits for READY and writes the data.</summary>
    public static async Task<SlashCommandsWorld> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.HeartbeatIntervalMs = 86_400_000;
        emulator.ReadyGuildIds = [GuildText];
        var logs = new CapturingLoggerProvider();
        var app = new AnalyticsAppFactory(
            AnalyticsAppFactory.LiveSettings(emulator, Token, settings),
            services: services => services.AddSingleton<ILoggerProvider>(logs));
        var world = new SlashCommandsWorld(emulator, app, app.CreateApiClient(), logs);
        await emulator.WaitForIdentifyAsync();
        await world.WriteWeekAsync();
        return world;
    }

    /// <summary><c>PUT /api/guilds/{g}/commands</c> with the switch and the public choices.</summary>
    public async Task SaveAsync(bool answer, bool statsPublic = false, bool leaderboardPublic = false)
    {
        using var response = await Api.PutAsJsonAsync($"/api/guilds/{GuildText}/commands", new { answer, @public = new { stats = statsPublic, leaderboard = leaderboardPublic } });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Hides (or forgets) a member through the privacy API.</summary>
    public async Task SetPrivacyAsync(ulong user, string choice)
    {
        using var response = await Api.PutAsJsonAsync($"/api/guilds/{GuildText}/members/{user}/privacy", new { choice });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Calls <c>/{command}</c> as <paramref name="user"/> and waits for its answer: the text, the flags and whether it was deferred.</summary>
    public async Task<SlashAnswer> CallAsync(string command, ulong user)
    {
        var (id, token) = await Emulator.DispatchInteractionAsync(GuildText, user.ToString(System.Globalization.CultureInfo.InvariantCulture), command);
        await Emulator.WaitForAsync(
            e => e.AnswersTo(id, token) is { Count: > 0 } calls && (calls[0].Body?["type"]?.GetValue<int>() == 4 || calls.Any(c => c.Kind == "edit")),
            $"/{command} answered");
        var calls = Emulator.AnswersTo(id, token);
        var callback = calls.Single(c => c.Kind == "callback");
        var deferred = callback.Body!["type"]!.GetValue<int>() == 5;
        var message = deferred ? calls.Single(c => c.Kind == "edit").Body! : callback.Body!["data"]!;
        var flags = callback.Body!["data"]?["flags"]?.GetValue<int>() ?? 0;
        return new SlashAnswer(message["content"]!.GetValue<string>(), flags, deferred, message["allowed_mentions"]?.ToJsonString(), calls);
    }

    /// <summary>What <c>GET .../commands/preview</c> shows for <paramref name="command"/> (as <paramref name="user"/> for /me).</summary>
    public async Task<string> PreviewAsync(string command, ulong? user = null)
    {
        var preview = await Api.GetFromJsonAsync<JsonObject>($"/api/guilds/{GuildText}/commands/preview" + (user is { } u ? $"?userId={u}" : string.Empty));
        return preview![command]!["content"]!.GetValue<string>();
    }

    /// <summary>Waits until the app has logged a line containing <paramref name="text"/>.</summary>
    public Task LoggedAsync(string text) => Eventually.TrueAsync(() => Logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)), $"the log says \"{text}\"");

    private async Task WriteWeekAsync()
    {
        var sink = App.Services.GetRequiredService<IIngestionSink>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var events = new List<IngestEvent>
        {
            TestEvents.Guild(Guild, "Slash Guild", now - 1000),
            TestEvents.Channel(Guild, General, "general", now - 1000),
            TestEvents.Channel(Guild, Random, "random", now - 1000),
            TestEvents.Member(Guild, Alice, "alice", now - 1000),
            TestEvents.Member(Guild, Bob, "bob", now - 1000),
            TestEvents.Member(Guild, Carol, "carol", now - 1000),
        };
        ulong n = 0;
        void Messages(ulong channel, ulong author, int count, long at)
        {
            for (var i = 0; i < count; i++)
            {
                events.Add(TestEvents.Message(Guild, channel, author, at, ++n));
            }
        }

        const long day = 86_400_000;
        Messages(General, Alice, 5, now - 60_000);
        Messages(General, Alice, 2, now - (2 * day));
        Messages(Random, Bob, 3, now - 60_000);
        Messages(General, Carol, 9, now - 60_000);
        Messages(Random, Alice, 4, now - (9 * day));
        events.Add(TestEvents.Reaction(Guild, General, TestEvents.MessageId(now - 60_000, 1), Bob, now - 30_000));
        foreach (var e in events)
        {
            await sink.WriteAsync(e, CancellationToken.None);
        }

        await App.Services.GetRequiredService<IIngestionFlusher>().FlushAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
        Logs.Dispose();
    }
}
