using DiscordAnalytics.Core;
using DiscordAnalytics.Web;
using DiscordAnalytics.Web.Hosting;

// Before anything else starts threads that allocate: the cap applies to arenas made after it (see NativeHeap).
NativeHeap.LimitArenas();

try
{
    switch (args)
    {
        case ["bench", ..]:
            return await DiscordAnalytics.Web.Bench.BenchCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
        case ["migrate-to-postgres", ..]:
            // Ctrl+C stops the copy between statements; what was committed stays, and the next run continues from it.
            using (var interrupted = new CancellationTokenSource())
            {
                Console.CancelKeyPress += (_, e) => { e.Cancel = true; interrupted.Cancel(); };
                return await MigrateToPostgresCommand.RunAsync(args[1..], Console.Out, Console.Error, interrupted.Token);
            }

        case ["healthcheck", ..]:
            return await HealthCheckCommand.RunAsync(args[1..], Console.Out, CancellationToken.None);
    }

    args = DataDirectoryArgument.Expand(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return StartupErrors.ExitCode;
}

// appsettings.json lives at the repository root and is copied beside the binary, so the binary's
// folder is the content root whether started with `dotnet run`, from a publish folder or in Docker.
// A single-file executable extracts itself first, so there too the content root holds the bundled defaults
// and the static assets; an appsettings.json beside the executable is read after them.
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    SettingsBesideExecutable.Add(builder.Configuration);

    // `dotnet run` serves wwwroot and MudBlazor's assets from the build output in every environment (a
    // published build has them beside the binary and this is a no-op there).
    builder.WebHost.UseStaticWebAssets();
    builder.AddDiscordAnalyticsCore();
    builder.AddDiscordAnalyticsWeb();

    var app = builder.Build();
    app.UseDiscordAnalyticsWeb();
    StartupErrors.CheckSettings(app.Services);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupErrors.TryDescribe(ex, out var line))
{
    Console.Error.WriteLine(line);
    return StartupErrors.ExitCode;
}

public partial class Program;
