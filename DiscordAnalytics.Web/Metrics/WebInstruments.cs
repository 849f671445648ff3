using System.Diagnostics.Metrics;
using DiscordAnalytics.Core.Metrics;

namespace DiscordAnalytics.Web.Metrics;

/// <summary>The Web project's instruments on the <see cref="AnalyticsMeter"/>: job runs (the jobs live here, in Hangfire).</summary>
public sealed class WebInstruments
{
    public WebInstruments(IMeterFactory meters, JobRuns runs)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(AnalyticsMeter.Name);
        meter.CreateObservableCounter("discord_analytics.jobs.runs", () => runs.Snapshot().Select(r => new Measurement<long>(
                r.Runs,
                new KeyValuePair<string, object?>("job", r.Job),
                new KeyValuePair<string, object?>("outcome", r.Outcome))),
            description: "Background job runs since start, per job (retention, weekly_digests, privacy_scrub, backfill) and outcome (succeeded, failed).");
    }
}
