using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>
/// Nothing Discord does stops the host. Each scenario runs the real app (real configuration, Kestrel on a loopback
/// port) against a loopback Discord that misbehaves in one way, for <see cref="RunFor"/>. Discord's timeouts and waits
/// are a quarter of the defaults (<see cref="Quarter"/>: REST 30 s to 7.5 s, gateway connect and HELLO 20 s to 5 s, the
/// longest reconnect and rate-limit waits 60 s to 15 s) and the run is a quarter of the two minutes it was with them, so
/// it still spans each timeout and several backoff rounds. All scenarios run at once. Throughout, /healthz, the API
/// and the dashboard answer; at the end the chip and /healthz say why, in a short sentence without exception text.
/// </summary>
public sealed class DiscordMisbehaviourTests
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.HOST-TOKEN-never-log.xyz";
    private const double Quarter = 0.25;
    private static readonly TimeSpan RunFor = TimeSpan.FromMinutes(2) * Quarter;
    private static readonly DiscordRestOptions Rest = new();
    private static readonly GatewaySessionOptions Gateway = new();
    private static readonly DiscordRestOptions QuarterRest = new()
    {
        RequestTimeout = Rest.RequestTimeout * Quarter,
        MaxRetryAfter = Rest.MaxRetryAfter * Quarter,
    };

    private static readonly GatewaySessionOptions QuarterGateway = new()
    {
        ConnectTimeout = Gateway.ConnectTimeout * Quarter,
        HelloTimeout = Gateway.HelloTimeout * Quarter,
        ReconnectMaxDelay = Gateway.ReconnectMaxDelay * Quarter,
    };
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LongestRun = TimeSpan.FromMinutes(2);

    private static readonly Scenario[] Scenarios =
    [
        new("REST never answers", e => e.RestFault = RestFault.NeverAnswer, "connected", RestState: "not-answering", Says: "Discord REST not answering"),
        new("REST answers 500", e => e.RestFault = RestFault.ServerError, "connected", RestState: "failing", Says: "Discord REST failing (HTTP 500)"),
        new("REST answers garbage", e => e.RestFault = RestFault.Garbage, "connected", RestState: "failing", Says: "Discord REST answering with something that is not JSON"),
        new("REST asks for an absurd retry_after", e => e.RestFault = RestFault.AbsurdRetryAfter, "connected", RestState: "rate-limited", Says: $"waiting {QuarterRest.MaxRetryAfter.TotalSeconds:0} s"),
        new("gateway closes at once", e => e.GatewayFault = GatewayFault.CloseAtOnce, "resuming", RestState: "answering", Says: "Gateway closed at once"),
        new("gateway sends nothing", e => e.GatewayFault = GatewayFault.Silent, "resuming", RestState: "answering", Says: "No HELLO from the gateway"),
    ];

    [Fact]
    public async Task Run_DiscordMisbehavesPastEveryTimeout_HostKeepsAnsweringAndTheChipSaysWhy()
    {
        var runs = await Task.WhenAll(Scenarios.Select(RunScenarioAsync));

        var problems = runs.SelectMany(r => r.Problems.Select(p => $"{r.Scenario.Name}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Host_Configured_IgnoresAFailedBackgroundServiceInsteadOfStopping()
    {
        await using var app = new AnalyticsAppFactory();

        var host = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value;

        Assert.Equal(BackgroundServiceExceptionBehavior.Ignore, host.BackgroundServiceExceptionBehavior);
    }

    private static bool Tells(JsonElement health, Scenario scenario) =>
        health.ValueKind == JsonValueKind.Object
        && health.GetProperty("gateway").GetProperty("state").GetString() == scenario.GatewayState
        && health.GetProperty("discordRest").GetProperty("state").GetString() == scenario.RestState;

    private static async Task<ScenarioRun> RunScenarioAsync(Scenario scenario)
    {
        var problems = new List<string>();
        await using var emulator = await Emulator.StartAsync();
        scenario.Break(emulator);
        var logs = new CapturingLoggerProvider();
        await using var app = new AnalyticsAppFactory(
            AnalyticsAppFactory.LiveSettings(emulator, Token),
            services: s =>
            {
                s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
                s.AddSingleton(QuarterRest);
                s.AddSingleton(QuarterGateway);
            });
        var baseUrl = app.StartOnLoopback();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        using (var signIn = await LoginForm.PostAsync(browser, AnalyticsAppFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var api = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AnalyticsAppFactory.ApiKey);

        var polls = 0;
        var clock = Stopwatch.StartNew();
        JsonElement health = default;
        var dashboard = string.Empty;
        while (true)
        {
            polls++;
            (health, var healthProblem) = await GetJsonAsync(api, "/healthz");
            (dashboard, var dashboardProblem) = await GetTextAsync(browser, "/");
            var (_, apiProblem) = await GetTextAsync(api, "/api/guilds");
            foreach (var problem in new[] { healthProblem, dashboardProblem, apiProblem }.OfType<string>())
            {
                problems.Add($"poll {polls} at {clock.Elapsed.TotalSeconds:F0} s: {problem}");
            }

            // Past the run's length, on until /healthz tells the scenario's states (a loaded machine may take longer to get
            // there), but never past the unshortened run: the host must keep answering all the while.
            if (clock.Elapsed >= RunFor && (Tells(health, scenario) || clock.Elapsed >= LongestRun))
            {
                break;
            }

            await Task.Delay(PollEvery);
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            problems.Add("the host is stopping");
        }

        if (health.ValueKind == JsonValueKind.Object)
        {
            var gateway = health.GetProperty("gateway");
            var rest = health.GetProperty("discordRest");
            var said = $"{gateway.GetProperty("reason")} | {rest.GetProperty("reason")}";
            Expect(problems, gateway.GetProperty("state").GetString() == scenario.GatewayState, $"/healthz gateway state {gateway.GetProperty("state")}, expected {scenario.GatewayState}");
            Expect(problems, rest.GetProperty("state").GetString() == scenario.RestState, $"/healthz discordRest state {rest.GetProperty("state")}, expected {scenario.RestState}");
            Expect(problems, said.Contains(scenario.Says, StringComparison.Ordinal), $"/healthz says \"{said}\", not \"{scenario.Says}\"");
            Expect(problems, !said.Contains("Exception", StringComparison.Ordinal) && !said.Contains(" at System.", StringComparison.Ordinal) && !said.Contains(" at DiscordAnalytics.", StringComparison.Ordinal), $"/healthz shows exception text: {said}");
        }

        Expect(problems, dashboard.Contains(scenario.Says, StringComparison.Ordinal), $"the dashboard's chip does not say \"{scenario.Says}\"");
        Expect(problems, !logs.Lines.Any(l => l.Contains(Token, StringComparison.Ordinal)), "a log line carries the token");
        return new ScenarioRun(scenario, problems);
    }

    private static void Expect(List<string> problems, bool holds, string otherwise)
    {
        if (!holds)
        {
            problems.Add(otherwise);
        }
    }

    private static async Task<(JsonElement Body, string? Problem)> GetJsonAsync(HttpClient client, string path)
    {
        var (text, problem) = await GetTextAsync(client, path);
        return problem is null ? (JsonDocument.Parse(text).RootElement.Clone(), null) : (default, problem);
    }

    /// <summary>The body of a 200, or what went wrong (another status, no answer within the client's timeout, a refused connection).</summary>
    private static async Task<(string Body, string? Problem)> GetTextAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK ? (body, null) : (body, $"{path} answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (string.Empty, $"{path} did not answer ({ex.GetType().Name})");
        }
    }

    /// <param name="Name">What Discord does.</param>
    /// <param name="Break">Puts the scenario's emulator into its fault mode.</param>
    /// <param name="GatewayState">The gateway state /healthz names at the end.</param>
    /// <param name="RestState">The REST state /healthz names at the end.</param>
    /// <param name="Says">A phrase the chip and /healthz both show at the end.</param>
    private sealed record Scenario(string Name, Action<Emulator> Break, string GatewayState, string RestState, string Says);

    private sealed record ScenarioRun(Scenario Scenario, IReadOnlyList<string> Problems);
}
