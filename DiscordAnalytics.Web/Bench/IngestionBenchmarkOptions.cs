using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// What <c>bench</c> (the ingestion bench) was asked for: <c>[--events N] [--runs R] [--scale demo|large] [--postgres CONNECTION]</c>.
/// Anything else is refused before any work, naming the option (the command then exits with code 2).
/// </summary>
/// <param name="Events">Events ingested per run (the first N the community generates).</param>
/// <param name="Runs">Runs of every path; each figure is the median.</param>
/// <param name="Large">True: the large community's events (its founding members first); false: the demo community's.</param>
/// <param name="Postgres">
/// A PostgreSQL server (an Npgsql connection string; its database is where the bench connects to create and drop its own)
/// on which the full pipeline also runs, each run on a new database of its own, dropped afterwards. Null: SQLite only.
/// </param>
public sealed record IngestionBenchmarkOptions(int Events, int Runs, bool Large, string? Postgres)
{
    private static readonly string[] Known = ["--events", "--runs", "--scale", "--postgres"];

    public static IngestionBenchmarkOptions Parse(string[] args)
    {
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!Known.Contains(args[i], StringComparer.Ordinal))
            {
                throw new ArgumentException($"unknown option '{args[i]}': bench (ingestion) takes {string.Join(", ", Known)}.");
            }
        }

        var events = IngestionBenchmark.Option(args, "--events", 1_000_000);
        var runs = IngestionBenchmark.Option(args, "--runs", 5);
        var scale = CardsBenchmarkOptions.Value(args, "--scale") ?? "demo";
        var large = scale switch
        {
            "demo" => false,
            "large" => true,
            _ => throw new ArgumentException($"--scale takes demo or large, got '{scale}'."),
        };

        var postgres = CardsBenchmarkOptions.Value(args, "--postgres");
        if (postgres is not null && !new StorageOptions { Provider = nameof(StoreProvider.Postgres), ConnectionString = postgres }.HasValidConnectionString)
        {
            throw new ArgumentException("--postgres takes a PostgreSQL connection string (Host=...;Username=...; the bench creates its own databases there).");
        }

        return new IngestionBenchmarkOptions(events, runs, large, postgres);
    }
}
