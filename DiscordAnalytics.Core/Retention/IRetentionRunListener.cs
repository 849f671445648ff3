namespace DiscordAnalytics.Core.Retention;

/// <summary>Told after each retention run, whoever started it (the daily job or the Settings page): what it pruned may be what a kept index held.</summary>
public interface IRetentionRunListener
{
    /// <summary>Must return at once and never throw: the run is done and recorded whatever a listener does.</summary>
    void RetentionRan();
}
