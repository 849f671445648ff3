using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// The real app on a fixed clock (<see cref="TestDays.Now"/> unless a test brings its own) with an API client, its
/// store seeded through the real pipeline: the setup the <c>/api</c> tests share.
/// </summary>
public sealed class ApiTestApp : IAsyncDisposable
{
    private ApiTestApp(FakeTimeProvider time)
    {
        Time = time;
        App = new AnalyticsAppFactory(time: time);
        Client = App.CreateApiClient();
    }

    public AnalyticsAppFactory App { get; }

    /// <summary>Signed with the API key (bearer).</summary>
    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public static async Task<ApiTestApp> StartAsync(IEnumerable<IngestEvent> events, FakeTimeProvider? time = null)
    {
        var api = new ApiTestApp(time ?? new FakeTimeProvider(TestDays.Now));
        await api.App.IngestAsync(events);
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
