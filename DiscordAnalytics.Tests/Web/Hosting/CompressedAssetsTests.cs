using System.Net;
using System.Text.RegularExpressions;
using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>
/// Every stylesheet and script the page links comes compressed on the very URL the page uses: gzip for a browser
/// on plain HTTP (which asks for gzip only); br on the published app (scripts/check-single-file). The fingerprinted MudBlazor stylesheet
/// once went out as 627 KB whatever the browser asked for. (The app under test compresses on the fly from the
/// build output, so the bytes say nothing about size here; the published app serves the precompressed files.)
/// </summary>
public sealed partial class CompressedAssetsTests : IAsyncLifetime
{
    private readonly AnalyticsAppFactory _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    // A build (what the app under test runs from) holds gzip files only; the published app adds br, which
    // scripts/check-single-file asks the executable for. Brotli at build is no way round it: the development-time
    // asset handler then sent br-labelled bodies browsers could not read.
    [Theory]
    [InlineData("gzip")]
    [InlineData("gzip, deflate")]
    public async Task LinkedStylesheetsAndScripts_AcceptEncoding_ComeCompressed(string acceptEncoding)
    {
        var links = await LinkedAssetsAsync();
        const string expected = "gzip";

        foreach (var link in links)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, link);
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
            using var response = await _client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
            Assert.True(response.Content.Headers.ContentEncoding.SequenceEqual([expected]), $"{link} came with Content-Encoding '{string.Join(",", response.Content.Headers.ContentEncoding)}' for '{acceptEncoding}'");
        }
    }

    /// <summary>The stylesheets and scripts the sign-in page links (every page shares the same head and body end).</summary>
    private async Task<List<string>> LinkedAssetsAsync()
    {
        var html = await _client.GetStringAsync("/login");
        var links = LinkPattern().Matches(html).Select(m => "/" + m.Groups["url"].Value.TrimStart('/')).ToList();
        Assert.Contains(links, l => l.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(links, l => l.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("MudBlazor.min", StringComparison.Ordinal));
        return links;
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]+\\.(?:css|js))\"")]
    private static partial Regex LinkPattern();
}
