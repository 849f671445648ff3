using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>
/// Two started apps whose PostgreSQL server never answers (a <see cref="PostgresDoor"/> left silent), with every hosted
/// service of their mode registered (<see cref="AnalyticsAppFactory.WithEveryService"/>): one runs the demo community,
/// one is live against a Discord that never answers either (another silent loopback port).
/// </summary>
public sealed class StuckStoreHosts : IAsyncLifetime
{
    private readonly PostgresDoor _store = new(DoorState.Silent);
    private readonly PostgresDoor _discord = new(DoorState.Silent);

    public AnalyticsAppFactory Demo { get; private set; } = null!;

    public AnalyticsAppFactory Live { get; private set; } = null!;

    public AnalyticsAppFactory App(string mode) => mode == "demo" ? Demo : Live;

    public async Task InitializeAsync()
    {
        var store = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _store.Through("Host=127.0.0.1;Username=postgres;Database=never_answers"),
        };
        var discord = _discord.Port;
        Demo = new AnalyticsAppFactory(AnalyticsAppFactory.WithEveryService(Merge(store, AnalyticsAppFactory.DemoSettings(historyDays: 2, liveEventsPerSecond: 5))));
        Live = new AnalyticsAppFactory(AnalyticsAppFactory.WithEveryService(Merge(store, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "auto",
            ["Discord:Token"] = "MTA3MzUzNjMwMzEwNDAwMDAwMA.STUCK-TOKEN-never-log.xyz",
            ["Discord:GatewayUrl"] = $"ws://127.0.0.1:{discord}",
            ["Discord:ApiBaseUrl"] = $"http://127.0.0.1:{discord}/api/v10",
        })));

        // Both start (each service's start is bounded by itself); the stops are what the tests look at. One after the
        // other: Hangfire's process-wide log provider is pointed at each host as it starts.
        await Task.Run(() => Demo.Services);
        await Task.Run(() => Live.Services);
    }

    public async Task DisposeAsync()
    {
        await Demo.DisposeAsync();
        await Live.DisposeAsync();
        await _store.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> first, Dictionary<string, string?> second)
    {
        var all = new Dictionary<string, string?>(first);
        foreach (var (key, value) in second)
        {
            all[key] = value;
        }

        return all;
    }
}
