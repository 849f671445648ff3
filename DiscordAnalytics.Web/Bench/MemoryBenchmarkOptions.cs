namespace DiscordAnalytics.Web.Bench;

/// <summary>What <c>bench memory</c> was asked for; anything else is refused before any work, naming the option.</summary>
public sealed record MemoryBenchmarkOptions(TimeSpan Duration, int Dashboards, TimeSpan Every, TimeSpan AfterClose, string? Store)
{
    private static readonly string[] Known = ["--minutes", "--seconds", "--dashboards", "--every", "--after-close", "--store"];

    public static MemoryBenchmarkOptions Parse(string[] args)
    {
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!Known.Contains(args[i], StringComparer.Ordinal))
            {
                throw new ArgumentException($"unknown option '{args[i]}': bench memory takes {string.Join(", ", Known)}.");
            }
        }

        if (args.Contains("--minutes") && args.Contains("--seconds"))
        {
            throw new ArgumentException("--minutes and --seconds both give the duration; give one.");
        }

        var duration = args.Contains("--seconds")
            ? TimeSpan.FromSeconds(IngestionBenchmark.Option(args, "--seconds", 600))
            : TimeSpan.FromMinutes(IngestionBenchmark.Option(args, "--minutes", 10));
        var store = Array.IndexOf(args, "--store") is var at and >= 0 ? (at + 1 < args.Length ? args[at + 1] : "") : null;
        if (store is not null && !File.Exists(store))
        {
            throw new ArgumentException($"--store '{store}': no such file (make one with bench cards --scale large --keep FILE).");
        }

        return new MemoryBenchmarkOptions(
            duration,
            IngestionBenchmark.Option(args, "--dashboards", 3),
            TimeSpan.FromSeconds(IngestionBenchmark.Option(args, "--every", 5)),
            TimeSpan.FromSeconds(IngestionBenchmark.Option(args, "--after-close", 60)),
            store is null ? null : Path.GetFullPath(store));
    }
}
