using System.Net;
using System.Net.Http.Headers;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using DiscordAnalytics.Core;
using DiscordAnalytics.Web;
using DiscordAnalytics.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// The real web app over a real SQLite file in a temp folder. Settings are configuration keys
/// (e.g. <c>Demo:Enabled</c>); the clock is a FakeTimeProvider when one is given. The admin password and
/// API key are <see cref="AdminPassword"/> and <see cref="ApiKey"/> unless settings say otherwise; be an
/// admin with <see cref="CreateAdminClientAsync"/> (the real login form) or <see cref="CreateApiClient"/>
/// (bearer key, <c>/api</c> only). <see cref="WebApplicationFactory{T}.CreateClient()"/> stays anonymous.
/// </summary>
public sealed class AnalyticsAppFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "factory-admin-password-7Qx";
    public const string ApiKey = "factory-api-key-9Lm-4d1c7e0b2a9f6e3d";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-app-");
    private readonly Dictionary<string, string?> _settings;
    private readonly FakeTimeProvider? _time;
    private readonly Action<IServiceCollection>? _services;

    /// <summary>The app's own PostgreSQL database (made by <see cref="CreateAsync"/>), dropped on dispose; null on SQLite.</summary>
    private string? _postgresDatabase;

    static AnalyticsAppFactory()
    {
        // Hangfire's global filters (AutomaticRetry and friends) are process-wide statics that take a logger from
        // Hangfire's log provider when first touched, and each host points that provider at its own logger
        // factory. Touched first after some test host was disposed, their type initializer fails and breaks every
        // job for the rest of the test run; touching them before any host exists keeps them independent of hosts.
        _ = Hangfire.GlobalJobFilters.Filters.Count;
    }

    public AnalyticsAppFactory(IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        _time = time;
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "analytics.db")}",
            ["Demo:Enabled"] = "false",
            ["Discord:Token"] = "",
            ["Auth:AdminPassword"] = AdminPassword,
            ["Auth:ApiKey"] = ApiKey,
            // Only tests that exercise jobs run a Hangfire server (WithJobServer); see JobsOptions.RunServer.
            ["Jobs:RunServer"] = "false",
            // Only tests of the background warm-up and the dashboard's rehearsal run them (WithWarmUp): in every other
            // app they built every window and rendered the whole dashboard beside the test's own work.
            ["WarmUp:RunAtStart"] = "false",
            // The process's memory housekeeping acts on the whole test process, and on a fake clock moved on by days it
            // ran once per period of those days (see MemoryOptions); only HostedServiceStopTests runs it (WithEveryService).
            ["Memory:Housekeeping"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (settings?.ContainsKey("Storage:ConnectionString") != true)
        {
            // The app's own file in its temp folder: it starts on the run's migrated store (see SqliteAppTemplate).
            SqliteAppTemplate.CopyTo(Path.Combine(_folder.FullName, "analytics.db"));
        }
    }

    /// <summary>
    /// The app on <paramref name="provider"/>: SQLite as the constructor makes it, or a new PostgreSQL database of its own
    /// on the test server (<see cref="TestPostgres"/>), a copy of the run's migrated template: the app's start runs the
    /// migrator as in production and finds nothing pending, instead of each test paying every migration on PostgreSQL
    /// (a start on an empty database is what TwoInstancesTests' start together tests).
    /// </summary>
    public static async Task<AnalyticsAppFactory> CreateAsync(
        Core.Storage.StoreProvider provider,
        IReadOnlyDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        if (provider == Core.Storage.StoreProvider.Sqlite)
        {
            return new AnalyticsAppFactory(settings, time, services);
        }

        var database = await TestPostgres.CreateMigratedDatabaseAsync();
        var all = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = nameof(Core.Storage.StoreProvider.Postgres),
            ["Storage:ConnectionString"] = database,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new AnalyticsAppFactory(all, time, services) { _postgresDatabase = database };
    }

    /// <summary>The app with the demo community: <paramref name="historyDays"/> of history, then live events at <paramref name="liveEventsPerSecond"/> (0: none).</summary>
    public static AnalyticsAppFactory Demo(int historyDays, int liveEventsPerSecond) => new(DemoSettings(historyDays, liveEventsPerSecond));

    /// <summary>
    /// The settings of <see cref="Demo"/>, for a test that adds its own. A live rate above 0 is the sped-up stream
    /// (<c>Demo:SpeedUp</c>), so the test sees live events within seconds; 0 turns live events off.
    /// </summary>
    public static Dictionary<string, string?> DemoSettings(int historyDays, int liveEventsPerSecond) => new()
    {
        ["Demo:Enabled"] = "true",
        ["Demo:HistoryDays"] = historyDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Demo:SpeedUp"] = liveEventsPerSecond > 0 ? "true" : "false",
        ["Demo:LiveEventsPerSecond"] = liveEventsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Settings for live mode against the loopback Discord emulator (demo mode <c>auto</c>, so the token decides): the
    /// bot token and the emulator's gateway and REST addresses, plus <paramref name="more"/>.
    /// </summary>
    public static Dictionary<string, string?> LiveSettings(DiscordEmulator.DiscordEmulator emulator, string token, IReadOnlyDictionary<string, string?>? more = null) =>
        Merged(
            new()
            {
                ["Demo:Enabled"] = "auto",
                ["Discord:Token"] = token,
                ["Discord:GatewayUrl"] = emulator.GatewayUrl,
                ["Discord:ApiBaseUrl"] = emulator.ApiBaseUrl,
            },
            more);

    /// <summary>Settings that turn this host's Hangfire server on (plus <paramref name="more"/>).</summary>
    public static Dictionary<string, string?> WithJobServer(IReadOnlyDictionary<string, string?>? more = null) =>
        Merged(new() { ["Jobs:RunServer"] = "true" }, more);

    /// <summary>Settings that turn this host's background warm-up and the dashboard's rehearsal after it on (plus <paramref name="more"/>).</summary>
    public static Dictionary<string, string?> WithWarmUp(IReadOnlyDictionary<string, string?>? more = null) =>
        Merged(new() { ["WarmUp:RunAtStart"] = "true" }, more);

    /// <summary>
    /// Settings that turn on every background service the factory turns off (the job server, the warm-up and the
    /// rehearsal, the memory housekeeping), as in production (plus <paramref name="more"/>).
    /// </summary>
    public static Dictionary<string, string?> WithEveryService(IReadOnlyDictionary<string, string?>? more = null) =>
        Merged(WithWarmUp(WithJobServer()), Merged(new() { ["Memory:Housekeeping"] = "true" }, more));

    private static Dictionary<string, string?> Merged(Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?>? more)
    {
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts the app on a real loopback port (browsers need a socket) and returns its base URL.</summary>
    public string StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        return LoopbackBaseUrl;
    }

    /// <summary>The base URL of the app started on Kestrel, as 127.0.0.1 (never a name that could leave the machine).</summary>
    public string LoopbackBaseUrl =>
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

    /// <summary>The temp folder holding the app's SQLite files (analytics.db, jobs.db).</summary>
    public string DataFolder => _folder.FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (_time is not null)
            {
                services.AddSingleton<TimeProvider>(_time);
            }

            _services?.Invoke(services);
        });
    }

    /// <summary>
    /// The settings error that stops this app's start: the app's own registrations (as Program composes them)
    /// built with these settings, and the start-up validation the host runs before anything starts. Not through
    /// <see cref="WebApplicationFactory{T}.Server"/>: when the start fails, the app disposes its host, and the
    /// factory may then report an ObjectDisposedException instead of the error (a race that load makes likely).
    /// </summary>
    public OptionsValidationException StartFailure()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.AddDiscordAnalyticsCore();
        builder.AddDiscordAnalyticsWeb();
        using var services = builder.Services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => StartupErrors.CheckSettings(services));
    }

    /// <summary>The admin password in effect (the <c>Auth:AdminPassword</c> setting).</summary>
    public string? Password => _settings["Auth:AdminPassword"];

    /// <summary>A client that sends <c>Authorization: Bearer</c> with the configured API key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _settings["Auth:ApiKey"]);
        return client;
    }

    /// <summary>A client signed in through the real login form (cookie); redirects are not followed.</summary>
    public async Task<HttpClient> CreateAdminClientAsync(string? password = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await LoginForm.PostAsync(client, password ?? Password ?? string.Empty);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in through /login answered {(int)response.StatusCode}, not a redirect.");
        }

        return client;
    }

    /// <summary>Writes the events through the app's own ingestion pipeline and waits until they are committed.</summary>
    public async Task IngestAsync(IEnumerable<IngestEvent> events)
    {
        var pipeline = Services.GetRequiredService<IngestionPipeline>();
        foreach (var e in events)
        {
            await pipeline.WriteAsync(e, default);
        }

        await pipeline.FlushAsync(default);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgresDatabase);
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
