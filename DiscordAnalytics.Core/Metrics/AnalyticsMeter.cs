namespace DiscordAnalytics.Core.Metrics;

/// <summary>
/// The one <see cref="System.Diagnostics.Metrics.Meter"/> the app's instruments live on. Core only describes
/// measurements (System.Diagnostics.Metrics); which exporter publishes them is the Web project's choice.
/// </summary>
public static class AnalyticsMeter
{
    public const string Name = "DiscordAnalytics";
}
