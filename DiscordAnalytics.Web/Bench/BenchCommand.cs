namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// <c>bench [cards|backfill|memory] ...</c>: picks the benchmark; a bad option is printed (naming it) and ends the
/// command with exit code 2 before any work, like a bad setting at start.
/// </summary>
public static class BenchCommand
{
    public const int BadOptionExitCode = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return args switch
            {
                ["backfill", ..] => await BackfillBenchmark.RunAsync(args[1..], output, cancellationToken),
                ["cards", ..] => await CardsBenchmark.RunAsync(args[1..], output, cancellationToken),
                ["memory", ..] => await MemoryBenchmark.RunAsync(args[1..], output, cancellationToken),
                _ => await IngestionBenchmark.RunAsync(args, output, cancellationToken),
            };
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return BadOptionExitCode;
        }
    }
}
