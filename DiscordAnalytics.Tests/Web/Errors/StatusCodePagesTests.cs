using System.Net;
using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Web.Errors;

/// <summary>
/// An address nothing serves: a browser asking for a page gets a page with a way back to the dashboard; the
/// API, and any client that does not ask for HTML, keep getting problem+json.
/// </summary>
public sealed class StatusCodePagesTests : IAsyncLifetime
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private readonly AnalyticsAppFactory _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.CreateAdminClientAsync();

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Get_UnknownPageFromABrowser_AnswersAnHtmlNotFoundPageLinkingToTheDashboard()
    {
        using var response = await SendAsync(_admin, "/dashbord", BrowserAccept);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Nothing here</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\" data-testid=\"not-found-home\">Go to the dashboard</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/nothing", BrowserAccept)]
    [InlineData("/api/guilds/1/nothing", "application/json")]
    [InlineData("/nope", "application/json")]
    [InlineData("/nope", "*/*")]
    public async Task Get_UnknownAddressForTheApiOrANonBrowser_AnswersProblemJson(string path, string accept)
    {
        using var response = await SendAsync(_admin, path, accept);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ToARouteThatOnlyReads_StaysA405ProblemJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/guilds");
        request.Headers.Accept.ParseAdd(BrowserAccept);

        using var response = await _admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Clear();
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await client.SendAsync(request);
    }
}
