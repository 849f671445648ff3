using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Web.Api.Guilds;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>
/// The one filter of the <c>/api/guilds/{guildId}</c> route group: guildId (400), then the guild (404), then the
/// handler with the guild found. ApiBadInputTests holds every route to the answers; these pin the order and the shape.
/// </summary>
public sealed class GuildRouteFilterTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const string UnknownGuild = "123456789";

    [Theory]
    [InlineData("GET", "summary?window=14d", null)]
    [InlineData("GET", "export/nothing.csv", null)]
    [InlineData("GET", "insights?refresh=maybe", null)]
    [InlineData("GET", "digests/abc", null)]
    [InlineData("PUT", "members/not-an-id/privacy", "{\"choice\":\"sometimes\"}")]
    [InlineData("PUT", "time-zone", "{\"timeZone\":\"Mars/Olympus\"}")]
    [InlineData("POST", "backfill", "{\"days\":\"many\"}")]
    public async Task UnknownGuild_WithAnotherBadInput_Is404BeforeTheHandlersOwnChecks(string method, string route, string? body)
    {
        using var response = await SendAsync(method, $"/api/guilds/{UnknownGuild}/{route}", body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Guild not found", problem.GetProperty("title").GetString());
        Assert.Equal($"No data for guild {UnknownGuild}.", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("parameter", out _));
    }

    [Fact]
    public async Task BadGuildId_WithAnotherBadInput_Is400NamingGuildIdOnly()
    {
        using var response = await SendAsync("PUT", "/api/guilds/abc/members/not-an-id/privacy", "{\"choice\":\"sometimes\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("guildId", problem.GetProperty("parameter").GetString());
        Assert.Equal("Invalid parameter 'guildId'", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task KnownGuild_HandlerGetsTheGuildFound()
    {
        // The time-zone answer carries the id the handler was handed, not the route text.
        using var response = await SendAsync("GET", $"/api/guilds/{ApiAppFixture.Guild}/time-zone", null);

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ApiAppFixture.Guild.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.GetProperty("guildId").GetString());
    }

    [Fact]
    public void EveryGuildRoute_TakesTheRequestedGuild_NotTheRouteText()
    {
        // A handler that reads guildId itself would bypass the group's parsing; each takes the RequestedGuild.
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true && e.RoutePattern.GetParameter("guildId") is not null)
            .ToList();
        Assert.NotEmpty(routes);

        var bypassing = routes
            .Where(e => e.Metadata.GetMetadata<System.Reflection.MethodInfo>() is not { } handler
                || !handler.GetParameters().Any(p => p.ParameterType == typeof(RequestedGuild))
                || handler.GetParameters().Any(p => p.Name == GuildRouteFilter.RouteParameter))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(bypassing);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string url, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await app.Client.SendAsync(request);
    }
}
