namespace DiscordAnalytics.Web.Hosting;

/// <summary>The <c>Memory</c> configuration section: how the process gives memory back to the system.</summary>
public sealed class MemoryOptions
{
    public const string Section = "Memory";

    /// <summary>
    /// Whether this process runs <see cref="NativeHeapTrimmer"/> and <see cref="Gen2Compactor"/> (default true). Test apps
    /// turn it off: in a test process both act on the whole process (every test's heap, dozens of hosts), not on one
    /// app's, and on a test's fake clock moved on by days they ran once per period of those days in a row (a full
    /// compacting collection per 30 s, a malloc trim per 5 s), which held a test for tens of seconds.
    /// </summary>
    public bool Housekeeping { get; set; } = true;

    /// <summary>The <see cref="Housekeeping"/> setting as composition reads it (the hosted services are registered or not).</summary>
    public static bool KeepsHouse(IConfiguration configuration) =>
        configuration.GetValue($"{Section}:{nameof(Housekeeping)}", defaultValue: true);
}
