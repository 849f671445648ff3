using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// The real web app over a real SQLite file in a temp folder. Settings are configuration keys
/// (e.g. <c>Demo:Enabled</c>); the clock is a FakeTimeProvider when one is given.
/// </summary>
public sealed class AnalyticsAppFactory : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-app-");
    private readonly Dictionary<string, string?> _settings;
    private readonly FakeTimeProvider? _time;
    private readonly Action<IServiceCollection>? _services;

    public AnalyticsAppFactory(IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        _time = time;
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "analytics.db")}",
            ["Demo:Enabled"] = "false",
            ["Discord:Token"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
