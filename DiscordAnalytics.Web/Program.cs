using DiscordAnalytics.Core;
using DiscordAnalytics.Web;

if (args is ["bench", ..])
{
    try
    {
        return args is [_, "cards", ..]
            ? await DiscordAnalytics.Web.Bench.CardsBenchmark.RunAsync(args[2..], Console.Out, CancellationToken.None)
            : await DiscordAnalytics.Web.Bench.IngestionBenchmark.RunAsync(args[1..], Console.Out, CancellationToken.None);
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }
}

// appsettings.json lives at the repository root and is copied beside the binary, so the binary's
// folder is the content root whether started with `dotnet run`, from a publish folder or in Docker.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// `dotnet run` serves wwwroot and MudBlazor's assets from the build output in every environment (a
// published build has them beside the binary and this is a no-op there).
builder.WebHost.UseStaticWebAssets();
builder.AddDiscordAnalyticsCore();
builder.AddDiscordAnalyticsWeb();

var app = builder.Build();
app.UseDiscordAnalyticsWeb();
await app.RunAsync();
return 0;

public partial class Program;
