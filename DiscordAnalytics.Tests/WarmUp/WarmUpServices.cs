using DiscordAnalytics.Core;
using DiscordAnalytics.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Tests.WarmUp;

/// <summary>The app's own Core registrations over a test store (no hosted service started), as the web host makes them.</summary>
internal static class WarmUpServices
{
    public static ServiceProvider Over(StorageOptions storage, TimeProvider time, ILoggerProvider? logs = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider,
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Demo:Enabled"] = "false",
        });
        builder.Services.AddSingleton(time);
        builder.Services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        builder.AddDiscordAnalyticsCore();
        return builder.Services.BuildServiceProvider();
    }
}
