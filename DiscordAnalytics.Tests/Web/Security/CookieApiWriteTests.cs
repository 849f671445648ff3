using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Web.Security;

/// <summary>
/// API writes with the sign-in cookie must be JSON (or carry X-Requested-With / an antiforgery token): what a
/// cross-site form or simple fetch could send is refused before anything changes. Bearer-key scripts are not affected.
/// </summary>
public sealed class CookieApiWriteTests : IAsyncLifetime
{
    private const ulong Guild = 4_545_000_000_000_000_001;
    private const string Body = """{"timeZone":"Asia/Kathmandu"}""";
    private static readonly string TimeZonePath = $"/api/guilds/{Guild}/time-zone";
    private AnalyticsAppFactory _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = new AnalyticsAppFactory();
        await _app.IngestAsync([TestEvents.Guild(Guild, "Write Guild", DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds())]);
        _admin = await _app.CreateAdminClientAsync();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    // Routing answers this one itself: the pages' form endpoints claim multipart bodies, and they take no PUT.
    [InlineData("multipart/form-data; boundary=x", HttpStatusCode.MethodNotAllowed)]
    [InlineData(null, HttpStatusCode.BadRequest)]
    public async Task Put_CookieWithoutJsonContentType_IsRefusedAndNothingChanges(string? contentType, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, TimeZonePath) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body)) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _admin.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (expected != HttpStatusCode.MethodNotAllowed)
        {
            Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("UTC", await TimeZoneAsync());
    }

    [Fact]
    public async Task Put_CookieWithJsonContentType_Changes()
    {
        using var response = await _admin.PutAsync(TimeZonePath, RequestBody.Json(Body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Asia/Kathmandu", await TimeZoneAsync());
    }

    [Fact]
    public async Task Put_CookieWithXRequestedWith_Changes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, TimeZonePath) { Content = new StringContent(Body, Encoding.UTF8, "text/plain") };
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");

        using var response = await _admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Asia/Kathmandu", await TimeZoneAsync());
    }

    [Fact]
    public async Task Post_CookieWithoutBody_IsRefusedButWithXRequestedWithReachesTheEndpoint()
    {
        using var bare = await _admin.PostAsync($"/api/guilds/{Guild}/digests", content: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/guilds/{Guild}/digests");
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        using var marked = await _admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(HttpStatusCode.Created, marked.StatusCode);
        var history = await _admin.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/digests");
        Assert.Equal(1, history.GetArrayLength());
    }

    [Fact]
    public async Task Put_BearerKeyWithPlainText_IsNotAffected()
    {
        using var bearer = _app.CreateApiClient();

        using var response = await bearer.PutAsync(TimeZonePath, new StringContent(Body, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Asia/Kathmandu", await TimeZoneAsync());
    }

    private async Task<string?> TimeZoneAsync() =>
        (await _admin.GetFromJsonAsync<JsonElement>(TimeZonePath)).GetProperty("timeZone").GetString();
}
