namespace DiscordAnalytics.Core.Retention;

/// <summary>The bounds a raw-event retention period may take, in days (configuration and per-guild setting).</summary>
public static class RetentionLimits
{
    public const int MinDays = 1;

    public const int MaxDays = 3650;
}
