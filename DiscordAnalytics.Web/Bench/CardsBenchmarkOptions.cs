using DiscordAnalytics.Core.Demo.Large;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// What <c>bench cards</c> was asked for: <c>[--scale demo|large] [--days D] [--runs R] [--keep FILE [--resume]] [--postgres CONNECTION]</c>, or
/// <c>--store FILE [--days D] [--runs R]</c> to measure an existing SQLite store, or <c>--postgres CONNECTION --existing [--days D]
/// [--runs R]</c> to measure the store a PostgreSQL database already holds (one copied with <c>migrate-to-postgres</c>, or left by an
/// earlier <c>--postgres</c> run). Anything else is refused before any work, naming the option (the command then exits with code 2).
/// </summary>
/// <param name="Days">Days of history to generate (at least 7, the shortest window).</param>
/// <param name="Runs">Timed runs per card and window; the median is printed.</param>
/// <param name="Large">The large community's size, or null for the demo community (the default).</param>
/// <param name="Keep">Where to keep the generated store (it must not exist yet, unless <see cref="Resume"/>), or null to delete it afterwards.</param>
/// <param name="Postgres">
/// An empty PostgreSQL database (an Npgsql connection string) to run on instead of a SQLite file; the bench migrates it
/// and leaves its data there. Null: a SQLite file.
/// </param>
/// <param name="Store">
/// An existing SQLite store (a copy of one kept with <c>--keep</c>) to measure instead of generating one; then <see cref="Days"/> is the
/// longest window. The bench migrates it and writes its live-reload messages into it. Null: generate.
/// </param>
/// <param name="Existing">
/// <see cref="Postgres"/> names a database that already holds a store, measured as <see cref="Store"/> measures a SQLite file
/// (nothing generated; its live-reload messages are written into it).
/// </param>
/// <param name="Resume">
/// <see cref="Keep"/> names the store of an interrupted generation (same scale, same days): the events it already holds are
/// generated again but not ingested, the rest are (from its newest message on; the pipeline's dedupe drops what is sent twice).
/// </param>
public sealed record CardsBenchmarkOptions(
    int Days, int Runs, LargeCommunityScale? Large, string? Keep, string? Postgres = null, string? Store = null, bool Existing = false, bool Resume = false)
{
    public const int ShortestWindow = 7;

    private const string ExistingFlag = "--existing";
    private const string ResumeFlag = "--resume";

    /// <summary>The options without a value.</summary>
    private static readonly string[] Flags = [ExistingFlag, ResumeFlag];

    private static readonly string[] Known = ["--days", "--runs", "--scale", "--keep", "--postgres", "--store", ExistingFlag, ResumeFlag];

    public static CardsBenchmarkOptions Parse(string[] args)
    {
        for (var i = 0; i < args.Length; i += Flags.Contains(args[i], StringComparer.Ordinal) ? 1 : 2)
        {
            if (!Known.Contains(args[i], StringComparer.Ordinal))
            {
                throw new ArgumentException($"unknown option '{args[i]}': bench cards takes {string.Join(", ", Known)}.");
            }
        }

        var existing = args.Contains(ExistingFlag);
        if (existing)
        {
            if (!args.Contains("--postgres"))
            {
                throw new ArgumentException("--existing measures the store a PostgreSQL database holds: give it with --postgres CONNECTION (a SQLite file: --store FILE).");
            }

            // The database is measured as it is: the options that say what to generate, or where, do not apply to it.
            if (new[] { "--scale", "--keep", "--store" }.FirstOrDefault(args.Contains) is { } generating)
            {
                throw new ArgumentException($"--existing and {generating}: --existing measures the store the database holds; {generating} is for a generated one.");
            }
        }

        var store = Value(args, "--store");
        if (store is not null)
        {
            if (!File.Exists(store))
            {
                throw new ArgumentException($"--store {store}: no such file (keep one with bench cards --scale large --keep FILE, then measure a copy).");
            }

            // The store is measured as it is: the options that say what to generate, or where, do not apply to it.
            if (new[] { "--scale", "--keep", "--postgres" }.FirstOrDefault(args.Contains) is { } generating)
            {
                throw new ArgumentException($"--store and {generating}: --store measures an existing store; {generating} is for a generated one.");
            }
        }

        var days = IngestionBenchmark.Option(args, "--days", 365);
        if (days < ShortestWindow)
        {
            throw new ArgumentException($"--days must be at least {ShortestWindow}, the shortest window; got {days}.");
        }

        var runs = IngestionBenchmark.Option(args, "--runs", 5);
        var scale = Value(args, "--scale") ?? "demo";
        var large = scale switch
        {
            "demo" => null,
            "large" => LargeCommunityScale.Full,
            _ => throw new ArgumentException($"--scale takes demo or large, got '{scale}'."),
        };

        var keep = Value(args, "--keep");
        var resume = args.Contains(ResumeFlag);
        if (resume && (keep is null || !File.Exists(keep)))
        {
            throw new ArgumentException($"--resume continues the interrupted generation of a store kept with --keep FILE: {(keep is null ? "give --keep" : $"--keep {keep}: no such file")}.");
        }

        if (!resume && keep is not null && (File.Exists(keep) || Directory.Exists(keep)))
        {
            throw new ArgumentException($"--keep {keep}: the file exists; the bench writes a fresh store and never overwrites one (--resume continues an interrupted one).");
        }

        var postgres = Value(args, "--postgres");
        if (postgres is not null && keep is not null)
        {
            throw new ArgumentException("--keep and --postgres: the PostgreSQL database keeps the data; --keep names a SQLite file.");
        }

        if (postgres is not null && !new StorageOptions { Provider = nameof(StoreProvider.Postgres), ConnectionString = postgres }.HasValidConnectionString)
        {
            throw new ArgumentException("--postgres takes a PostgreSQL connection string (Host=...;Database=...;Username=...).");
        }

        return new CardsBenchmarkOptions(days, runs, large, keep is null ? null : Path.GetFullPath(keep), postgres, store is null ? null : Path.GetFullPath(store), existing, resume);
    }

    /// <summary>The value of <c>--name VALUE</c>, or null when the option is absent.</summary>
    /// <exception cref="ArgumentException">The option has no value.</exception>
    internal static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return null;
        }

        return at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[at + 1]
            : throw new ArgumentException($"{name} takes a value.");
    }
}
