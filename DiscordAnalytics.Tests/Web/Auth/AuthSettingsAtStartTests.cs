using System.Net;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary>A guessable admin password or API key in the configuration stops the app at start, naming the setting (and never its value).</summary>
public sealed class AuthSettingsAtStartTests
{
    [Theory]
    [InlineData("Auth:AdminPassword", "short-pw-11")]
    [InlineData("Auth:ApiKey", "an-api-key-of-31-characters-xyz")]
    public async Task Start_SettingTooWeak_FailsNamingTheKey(string key, string value)
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { [key] = value });

        var error = app.StartFailure();

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task Start_PasswordChecksPerSecondOutOfRange_FailsNamingTheKey(string value)
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Auth:PasswordChecksPerSecond"] = value });

        var error = app.StartFailure();

        Assert.Contains("Auth:PasswordChecksPerSecond", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PasswordOfTwelveAndKeyOfThirtyTwo_SignInAndBearerWork()
    {
        const string password = "twelve-chars";
        const string key = "an-api-key-of-32-characters-wxyz";
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Auth:AdminPassword"] = password, ["Auth:ApiKey"] = key });

        using var admin = await app.CreateAdminClientAsync(password);
        using var bearer = app.CreateApiClient();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/guilds")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/guilds")).StatusCode);
    }

    [Fact]
    public async Task Start_NoPasswordAndNoKey_StartsAsTheDemoDefaultsDo()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Auth:AdminPassword"] = "", ["Auth:ApiKey"] = "" });

        using var health = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
