namespace DiscordAnalytics.Web.Hosting;

/// <summary>
/// <c>--data-dir DIR</c> (or <c>--data-dir=DIR</c>): the store (<c>DIR/analytics.db</c>) and, beside it, the
/// job store live in DIR. Without it the store is <c>data/analytics.db</c> under the working directory, or
/// whatever <c>Storage:ConnectionString</c> says; an explicit connection string wins over this option. It is for SQLite
/// only: it also sets <c>Storage:DataDirectory</c>, and a start with <c>Storage:Provider=Postgres</c> is refused with one
/// line saying so (StorageOptions).
/// </summary>
public static class DataDirectoryArgument
{
    public const string Name = "--data-dir";

    /// <summary>
    /// The arguments with <c>--data-dir</c> replaced by the store's connection string, placed first so a
    /// <c>--Storage:ConnectionString</c> given on the same command line still wins.
    /// </summary>
    /// <exception cref="ArgumentException">The option has no folder after it.</exception>
    public static string[] Expand(string[] args)
    {
        var rest = new List<string>(args.Length);
        string? folder = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == Name)
            {
                folder = i + 1 < args.Length ? args[++i] : "";
            }
            else if (args[i].StartsWith(Name + "=", StringComparison.Ordinal))
            {
                folder = args[i][(Name.Length + 1)..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (folder is null)
        {
            return args;
        }

        if (string.IsNullOrWhiteSpace(folder) || folder.StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{Name} needs a folder, e.g. {Name} ./data");
        }

        var store = Path.Combine(Path.GetFullPath(folder), "analytics.db");
        return [$"--Storage:ConnectionString=Data Source={store}", $"--Storage:DataDirectory={Path.GetFullPath(folder)}", .. rest];
    }
}
