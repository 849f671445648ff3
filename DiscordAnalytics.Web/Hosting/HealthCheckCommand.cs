namespace DiscordAnalytics.Web.Hosting;

/// <summary>
/// <c>healthcheck [URL]</c>: asks a running instance's <c>/healthz</c> (default
/// <c>http://127.0.0.1:8080/healthz</c>, the container's port) and exits 0 when it answers 200, 1
/// otherwise. The container image has no curl; its HEALTHCHECK runs this.
/// </summary>
public static class HealthCheckCommand
{
    public const string DefaultUrl = "http://127.0.0.1:8080/healthz";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var url = args is [var given, ..] ? given : DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"healthcheck: '{url}' is not an http(s) URL, e.g. {DefaultUrl}");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            await output.WriteLineAsync($"{(int)response.StatusCode} {uri}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"unreachable {uri}: {ex.GetType().Name}");
            return 1;
        }
    }
}
