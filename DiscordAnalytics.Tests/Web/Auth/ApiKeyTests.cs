using System.Net;
using System.Net.Http.Headers;
using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary><c>Authorization: Bearer &lt;Auth:ApiKey&gt;</c> on <c>/api</c>: the key opens it, anything else is a 401 problem.</summary>
public sealed class ApiKeyTests
{
    [Fact]
    public async Task Api_RightKey_Answers()
    {
        await using var app = new AnalyticsAppFactory();
        using var client = app.CreateApiClient();

        using var response = await client.GetAsync("/api/guilds");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Bearer factory-api-key-9Lm-4d1c7e0b2a9f6e3")]
    [InlineData("Bearer factory-api-key-9Lm-4d1c7e0b2a9f6e3dd")]
    [InlineData("Bearer FACTORY-API-KEY-9LM-4D1C7E0B2A9F6E3D")]
    [InlineData("Bearer ")]
    [InlineData("Basic factory-api-key-9Lm-4d1c7e0b2a9f6e3d")]
    [InlineData("factory-api-key-9Lm-4d1c7e0b2a9f6e3d")]
    public async Task Api_WrongKey_Is401Problem(string authorization)
    {
        await using var app = new AnalyticsAppFactory();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/guilds");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("factory-api-key", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_WrongBearerKey_ChallengesForBearer()
    {
        await using var app = new AnalyticsAppFactory();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "nope");

        using var response = await client.GetAsync("/api/guilds");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Api_NoKeyConfigured_BearerIsOff()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Auth:ApiKey"] = "" });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AnalyticsAppFactory.ApiKey);

        using var response = await client.GetAsync("/api/guilds");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Page_RightKey_IsSentToLogin()
    {
        await using var app = new AnalyticsAppFactory();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AnalyticsAppFactory.ApiKey);

        using var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
    }
}
