using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>Settings checked at start that had no check before: a bad value stops the start naming the key.</summary>
public sealed class SettingsAtStartTests
{
    [Theory]
    [InlineData("Discord:ApiBaseUrl", "/api/v10")]
    [InlineData("Discord:GatewayUrl", "https://gateway.example.invalid")]
    [InlineData("Discord:PrivilegedIntents", "GuildMember")]
    [InlineData("Demo:Enabled", "yes")]
    [InlineData("Demo:HistoryDays", "-1")]
    [InlineData("Demo:LiveEventsPerSecond", "NaN")]
    [InlineData("Ai:Provider", "Gemini")]
    [InlineData("Ai:Endpoint", "openai.azure.com")]
    [InlineData("Metrics:BearerToken", "short-token")]
    public async Task Start_BadValue_FailsNamingTheKey(string key, string value)
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { [key] = value });

        var error = app.StartFailure();

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ModelProviderWithoutEndpoint_FailsNamingTheEndpoint()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Ai:Provider"] = "azureopenai" });

        var error = app.StartFailure();

        Assert.Equal("Ai:Endpoint must be an absolute http(s) URL (AzureOpenAI and OpenAI need one), e.g. https://NAME.openai.azure.com/ or http://localhost:11434/v1.", error.Message);
    }

    [Fact]
    public async Task Start_UnknownStoreProvider_FailsNamingTheKeyAndTheValuesExpected()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "MySql" });

        var error = app.StartFailure();

        Assert.Contains("Storage:Provider must be Sqlite or Postgres.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresWithASqliteConnectionString_FailsNamingTheConnectionString()
    {
        // The factory's connection string is a SQLite file's.
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" });

        var error = app.StartFailure();

        Assert.Equal(Core.Storage.StorageOptions.PostgresConnectionStringError, error.Message);
    }

    [Fact]
    public async Task Start_GoodValuesOfEveryCheckedKey_Starts()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?>
        {
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
            ["Discord:GatewayUrl"] = "ws://127.0.0.1:9/gateway",
            ["Discord:PrivilegedIntents"] = "guild_members; MessageContent",
            ["Demo:Enabled"] = " False ",
            ["Demo:HistoryDays"] = "0",
            ["Demo:LiveEventsPerSecond"] = "0",
            ["Ai:Provider"] = "OpenAI",
            ["Ai:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Metrics:BearerToken"] = new string('m', 32),
        });

        using var health = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }
}
