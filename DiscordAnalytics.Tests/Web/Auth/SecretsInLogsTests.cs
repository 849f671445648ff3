using System.Net;
using System.Net.Http.Headers;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Tests.Discord;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary>
/// The whole app in live mode (bot token against the loopback Discord emulator) with an API key, an admin
/// password and an AI key, every log level captured: after signing in (wrongly and rightly), calling the API
/// (with the right and a wrong key), opening pages and trying a password change, no secret appears in any
/// log line, page or API answer.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.SECRET-TOKEN-marker.q1";
    private const string ApiKey = "SECRET-API-KEY-marker-77-0123456789ab";
    private const string AdminPassword = "SECRET-ADMIN-PASSWORD-marker-88";
    private const string AiKey = "SECRET-AI-KEY-marker-99";

    [Fact]
    public async Task LiveApp_SignInApiAndPages_NoSecretInAnyLogLineOrAnswer()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.ReadyGuildIds = [GatewayScript.GuildId.ToString()];
        var logs = new CapturingLoggerProvider();
        await using var app = new AnalyticsAppFactory(
            AnalyticsAppFactory.LiveSettings(emulator, Token, new Dictionary<string, string?>
            {
                ["Auth:ApiKey"] = ApiKey,
                ["Auth:AdminPassword"] = AdminPassword,
                ["Ai:ApiKey"] = AiKey,
                ["Ai:Endpoint"] = "http://127.0.0.1:9/",
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
            }),
            services: services =>
            {
                services.AddSingleton(new GatewaySessionOptions { ReconnectBaseDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) });
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            });
        var answers = new List<string>();

        // The gateway session is identified with the token (it is sent, just never logged).
        _ = app.Server;
        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("GUILD_CREATE", $$$"""{"id":"{{{GatewayScript.GuildId}}}","name":"Secret Keepers","channels":[],"threads":[],"members":[]}""");

        // Sign-in: a wrong password, then the right one; pages; a refused password change (the password is configured).
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        using (var wrong = await LoginForm.PostAsync(browser, AdminPassword + "-wrong"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            answers.Add(await wrong.Content.ReadAsStringAsync());
        }

        using (var right = await LoginForm.PostAsync(browser, AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        }

        foreach (var page in new[] { "/", "/dashboard", "/account/password", "/api/guilds", "/healthz" })
        {
            answers.Add(await browser.GetStringAsync(page));
        }

        var fields = await LoginForm.HiddenFieldsAsync(browser, "/account/password");
        fields["Input.CurrentPassword"] = AdminPassword;
        fields["Input.NewPassword"] = fields["Input.ConfirmPassword"] = AdminPassword + "-new";
        using (var change = await browser.PostAsync("/account/password", new FormUrlEncodedContent(fields)))
        {
            answers.Add(await change.Content.ReadAsStringAsync());
        }

        // API: the right key, and a wrong one that contains it.
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        answers.Add(await api.GetStringAsync("/api/guilds"));
        using (var summary = await Eventually.ReturnsAsync(() => api.GetAsync($"/api/guilds/{GatewayScript.GuildId}/summary?window=7d"), r => r.StatusCode == HttpStatusCode.OK))
        {
            Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
            answers.Add(await summary.Content.ReadAsStringAsync());
        }

        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey + "-wrong");
        using (var refused = await api.GetAsync("/api/guilds"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            answers.Add(await refused.Content.ReadAsStringAsync());
        }

        var lines = logs.Lines;
        // The capture sees what happened (so its silence about secrets means something).
        Assert.Contains(lines, l => l.Contains("Admin sign-in failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ApiKey was not authenticated", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/api/guilds", StringComparison.Ordinal));
        foreach (var secret in new[] { Token, ApiKey, AdminPassword, AiKey })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(answers, a => a.Contains(secret, StringComparison.Ordinal));
        }
    }
}
