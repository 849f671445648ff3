using System.Diagnostics.Metrics;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Metrics;

/// <summary>
/// The Core's instruments on the <see cref="AnalyticsMeter"/>. All are observable: each reads a number its owner
/// already keeps (the pipeline's counts, the source's and REST's state, the cached store readings) when a scrape
/// collects, so nothing on the hot paths changes whether metrics are on or off. docs/metrics.md names and explains them.
/// </summary>
public sealed class CoreInstruments
{
    private static readonly SourceState[] SourceStates = Enum.GetValues<SourceState>();
    private static readonly DiscordRestState[] RestStates = Enum.GetValues<DiscordRestState>();

    public CoreInstruments(
        IMeterFactory meters,
        IngestionPipeline pipeline,
        SourceStatus source,
        DiscordRestHealth rest,
        StoreReadingsCache store)
    {
        ArgumentNullException.ThrowIfNull(meters);
        // The factory owns the meter (one per host, disposed with it), so two hosts in one process keep apart.
        var meter = meters.Create(AnalyticsMeter.Name);

        meter.CreateObservableCounter("discord_analytics.ingestion.events_processed", () => pipeline.Processed,
            description: "Events written, skipped as duplicates or set aside as dead letters since start.");
        meter.CreateObservableGauge("discord_analytics.ingestion.queue_length", () => pipeline.QueueLength,
            description: "Events waiting in the ingestion queue.");
        meter.CreateObservableGauge("discord_analytics.ingestion.pending", () => pipeline.Pending,
            description: "Events received and not yet committed: the queue plus the batch being written.");
        meter.CreateObservableGauge("discord_analytics.ingestion.dead_letters", () => DeadLetters(store),
            description: "Events that could not be applied and wait in the dead-letter table.");
        meter.CreateObservableGauge("discord_analytics.store.refusing_writes", () => pipeline.StoreStatus.State == StoreWriteState.StoreUnavailable ? 1 : 0,
            description: "1 while the store refuses writes (full, read-only, locked, I/O error) and ingestion waits; 0 while it takes them.");

        meter.CreateObservableGauge("discord_analytics.gateway.state", () => SourceStateMeasurements(source.State),
            description: "1 for the event source's current state (starting, demo, connected, resuming, down), 0 for the others.");
        meter.CreateObservableCounter("discord_analytics.gateway.reconnects", () => source.Reconnects,
            description: "Times the gateway connection was lost and re-established (or retried) since start.");

        meter.CreateObservableCounter("discord_analytics.discord_rest.rate_limited", () => rest.RateLimitedResponses,
            description: "HTTP 429 answers from Discord's REST API since start.");
        meter.CreateObservableGauge("discord_analytics.discord_rest.state", () => RestStateMeasurements(rest.State),
            description: "1 for Discord REST's current state (unknown, answering, not-answering, unreachable, failing, rate-limited, rejected), 0 for the others.");

        meter.CreateObservableGauge("discord_analytics.guild.messages_today", () => PerGuild(store, g => g.Messages),
            description: "Messages created today (UTC) and not deleted, per guild, as the summary's totals count them.");
        meter.CreateObservableGauge("discord_analytics.guild.active_members_today", () => PerGuild(store, g => g.ActiveMembers),
            description: "Distinct members who posted or reacted today (UTC), per guild.");
        meter.CreateObservableGauge("discord_analytics.guild.voice_minutes_today", () => PerGuild(store, g => g.VoiceMinutes),
            description: "Minutes in voice today (UTC, AFK channel excluded), per guild, as the summary's totals count them.");
    }

    private static IEnumerable<Measurement<int>> DeadLetters(StoreReadingsCache store) =>
        store.Current.DeadLetters is { } count ? [new Measurement<int>(count)] : [];

    private static IEnumerable<Measurement<int>> SourceStateMeasurements(SourceState current) =>
        SourceStates.Select(s => new Measurement<int>(s == current ? 1 : 0, new KeyValuePair<string, object?>("state", s.ToString().ToLowerInvariant())));

    private static IEnumerable<Measurement<int>> RestStateMeasurements(DiscordRestState current) =>
        RestStates.Select(s => new Measurement<int>(s == current ? 1 : 0, new KeyValuePair<string, object?>("state", DiscordRestHealth.NameOf(s))));

    private static IEnumerable<Measurement<long>> PerGuild(StoreReadingsCache store, Func<GuildToday, long> value) =>
        store.Current.Guilds.Select(g => new Measurement<long>(
            value(g),
            new KeyValuePair<string, object?>("guild_id", g.GuildId),
            new KeyValuePair<string, object?>("guild_name", g.Name)));
}
