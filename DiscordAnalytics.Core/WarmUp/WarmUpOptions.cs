using Microsoft.Extensions.Configuration;

namespace DiscordAnalytics.Core.WarmUp;

/// <summary>The <c>WarmUp</c> configuration section: what a start prepares in the background before the first visitor.</summary>
public sealed class WarmUpOptions
{
    public const string Section = "WarmUp";

    /// <summary>
    /// Whether this process runs the background warm-up (<see cref="KeptWindowsWarmUp"/>) and, after its first pass, the
    /// dashboard's rehearsal (default true). Off, nothing changes but the first dashboard's wait: the cards build what
    /// they need on their first call. Test apps that do not look at either turn it off, so dozens of hosts in one test
    /// process do not each build every window and render the dashboard beside the test's own work on a shared CPU.
    /// </summary>
    public bool RunAtStart { get; set; } = true;

    /// <summary>The <see cref="RunAtStart"/> setting as composition reads it (the hosted services are registered or not).</summary>
    public static bool RunsAtStart(IConfiguration configuration) =>
        configuration.GetValue($"{Section}:{nameof(RunAtStart)}", defaultValue: true);
}
