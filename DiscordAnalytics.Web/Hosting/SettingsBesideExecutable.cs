using Microsoft.Extensions.Configuration.Json;

namespace DiscordAnalytics.Web.Hosting;

/// <summary>
/// A single-file executable runs from the folder it extracts itself to (AppContext.BaseDirectory), where the bundled
/// <c>appsettings.json</c> (the defaults) is. An <c>appsettings.json</c> the owner puts beside the
/// executable is read after it (optional), and environment variables and the command line still win.
/// </summary>
public static class SettingsBesideExecutable
{
    public static void Add(ConfigurationManager configuration)
    {
        // Only a single-file executable runs from another folder than its own (it extracts itself); under
        // `dotnet` (tests, `dotnet app.dll`) or from a build or publish folder there is nothing to add.
        var process = Environment.ProcessPath;
        var folder = Path.GetDirectoryName(process);
        if (string.IsNullOrEmpty(folder)
            || Path.GetFileNameWithoutExtension(process) == "dotnet"
            || Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(AppContext.BaseDirectory).TrimEnd(Path.DirectorySeparatorChar))
        {
            return;
        }

        var sources = configuration.Sources;
        var lastJson = sources.Select((source, index) => (source, index)).LastOrDefault(s => s.source is JsonConfigurationSource).index;
        var beside = new JsonConfigurationSource { Path = Path.Combine(folder, "appsettings.json"), Optional = true, ReloadOnChange = false };
        beside.ResolveFileProvider();
        sources.Insert(lastJson + 1, beside);
    }
}
