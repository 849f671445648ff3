namespace DiscordAnalytics.Core.Demo;

/// <summary>The <c>Demo</c> configuration section: the simulated community used when no token is configured.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary><c>auto</c> (default: on when there is no bot token), <c>true</c> or <c>false</c>.</summary>
    public string Enabled { get; set; } = "auto";

    /// <summary>Seed of the simulation; the same seed and clock give the same community and events.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Days of history ingested at first start. Default 90.</summary>
    public int HistoryDays { get; set; } = 90;

    /// <summary>
    /// After the history is in, the demo keeps going in real time at the history's own rhythm and volume
    /// (a realistic day is a realistic day). <c>true</c> replaces that with a faster simulated stream at
    /// <see cref="LiveEventsPerSecond"/>, for watching the dashboard move. Default <c>false</c>.
    /// </summary>
    public bool SpeedUp { get; set; }

    /// <summary>Average live events per second when <see cref="SpeedUp"/> is on. Default 3; 0 turns live events off in either pace.</summary>
    public double LiveEventsPerSecond { get; set; } = 3;

    /// <summary>The most days of history accepted (ten years).</summary>
    public const int MaxHistoryDays = 3650;

    /// <summary>The most live events per second accepted.</summary>
    public const double MaxLiveEventsPerSecond = 10_000;

    /// <summary><see cref="Enabled"/> is <c>auto</c>, <c>true</c> or <c>false</c> (checked at start).</summary>
    public bool HasValidEnabled => Enabled?.Trim().ToLowerInvariant() is "auto" or "true" or "false";

    public bool HasValidHistoryDays => HistoryDays is >= 0 and <= MaxHistoryDays;

    /// <summary>From 0 (no live events) to <see cref="MaxLiveEventsPerSecond"/>; NaN is neither.</summary>
    public bool HasValidLiveEventsPerSecond => LiveEventsPerSecond is >= 0 and <= MaxLiveEventsPerSecond;

    /// <summary>Whether demo mode is on given the token setting.</summary>
    public bool IsOn(bool hasToken) => (Enabled ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => !hasToken,
    };
}
