using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Leadership;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Backfill.GapRepair;

/// <summary>
/// Downtime leaves no hole: at every fresh gateway session, a guild whose last stored event is older than
/// <c>Backfill:GapRepairAfter</c> gets a gap repair (<see cref="GapRepairRuns"/>), a backfill run over the span Discord
/// will not replay. Which "last stored event": for the process's first session, the one read when the process
/// started, before this process ingested anything (a backfill resumed at start, or the new session's own events,
/// would otherwise hide the gap); for the first session after this instance took over from another (PostgreSQL), the
/// one read when it took over, before its term started anything (what the previous leader stored until it stopped);
/// for a later session, the one stored when it begins.
/// </summary>
public sealed partial class GapRepairService(
    IDbContextFactory<AnalyticsDbContext> contexts,
    ILastEventAtReader lastEvents,
    IEnumerable<IHistorySource> sources,
    GapRepairRuns runs,
    IOptions<BackfillOptions> options,
    TimeProvider time,
    ILogger<GapRepairService> logger,
    InstanceLeadership? leadership = null) : IHostedService, IFreshSessionObserver
{
    private readonly TaskCompletionSource<IReadOnlyDictionary<ulong, long?>> _atStart = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every guild's last stored event when this instance last took over; taken by the first fresh session after it.</summary>
    private IReadOnlyDictionary<ulong, long?>? _atTakeover;

    /// <summary>On: <c>Backfill:GapRepair</c> and a REST history source (a bot token). Demo mode fills its own gap.</summary>
    public bool IsEnabled => options.Value.GapRepair && sources.LastOrDefault() is { Kind: "live" };

    /// <summary>Reads every guild's last stored event before anything of this process is ingested (hosted services start in order).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (leadership is { IsContested: true })
        {
            // A standby's start may be long before it takes over: what it read then is not where the gap begins.
            leadership.BeforeEachTerm(ReadAtTakeoverAsync);
        }

        IReadOnlyDictionary<ulong, long?> lastAtStart = new Dictionary<ulong, long?>();
        try
        {
            lastAtStart = await ReadLastEventsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Whatever ends the read, the first session does not wait for it forever.
            _atStart.TrySetResult(lastAtStart);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every guild's last stored event now (empty when off or when the store cannot be read: sessions read it then).</summary>
    private async Task<IReadOnlyDictionary<ulong, long?>> ReadLastEventsAsync(CancellationToken cancellationToken)
    {
        var last = new Dictionary<ulong, long?>();
        try
        {
            if (IsEnabled)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                var guilds = await db.Guilds.AsNoTracking().Select(g => g.GuildId).ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var guild in guilds)
                {
                    last[(ulong)guild] = await lastEvents.GetLastEventAtAsync((ulong)guild, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (StoreFailure.IsFromStore(ex))
        {
            // A damaged store is reported by /healthz; later sessions read the store again.
            LogStoreUnreadable(logger, ex);
            last.Clear();
        }

        return last;
    }

    /// <summary>This instance is about to lead (it took the leader lock): what the store holds now is where each guild's gap begins.</summary>
    private async Task ReadAtTakeoverAsync(CancellationToken cancellationToken) =>
        Volatile.Write(ref _atTakeover, await ReadLastEventsAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Decides, per guild READY lists, whether the span since its last stored event needs a repair, and starts it.</summary>
    public async Task OnFreshSessionAsync(FreshSession session, CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            LogDisabled(logger, session.GuildIds.Count);
            return;
        }

        var atStart = Interlocked.Exchange(ref _atTakeover, null)
            ?? (session.IsFirstOfProcess ? await _atStart.Task.WaitAsync(cancellationToken).ConfigureAwait(false) : null);
        var threshold = (long)options.Value.GapRepairAfter.TotalMilliseconds;
        foreach (var guild in session.GuildIds)
        {
            var lastEventAt = atStart is not null && atStart.TryGetValue(guild, out var readAtStart)
                ? readAtStart
                : await lastEvents.GetLastEventAtAsync(guild, cancellationToken).ConfigureAwait(false);
            if (lastEventAt is not { } last)
            {
                // Nothing stored yet: there is no gap, only history, which the owner imports if wanted.
                LogNothingStored(logger, guild);
                continue;
            }

            var age = session.StartedAt - last;
            if (age < threshold)
            {
                LogRecent(logger, guild, age / 1000);
                continue;
            }

            await runs.StartAsync(guild, last, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The guild's gap repair for the settings page: on or off, threshold, and its latest run.</summary>
    public async Task<GapRepairStatus> GetStatusAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var run = await db.BackfillRuns.AsNoTracking()
            .Where(r => r.GuildId == (long)guildId && r.Kind == BackfillRunKind.GapRepair)
            .OrderByDescending(r => r.RunId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return new GapRepairStatus(IsEnabled, options.Value.GapRepairAfter, null);
        }

        var channels = await db.BackfillChannels.AsNoTracking()
            .Where(c => c.RunId == run.RunId)
            .OrderBy(c => c.Position)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var status = BackfillStatusBuilder.Build(run, channels, execution: null, sources.LastOrDefault()?.Kind ?? "none", time.GetUtcNow().ToUnixTimeMilliseconds());
        return new GapRepairStatus(IsEnabled, options.Value.GapRepairAfter, status);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "New gateway session ({Guilds} guilds): gap repair is off")]
    private static partial void LogDisabled(ILogger logger, int guilds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gap repair of guild {GuildId}: nothing stored yet, no gap")]
    private static partial void LogNothingStored(ILogger logger, ulong guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gap repair of guild {GuildId}: last stored event {AgeSeconds} s before the new session, below the threshold; none needed")]
    private static partial void LogRecent(ILogger logger, ulong guildId, long ageSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gap repair: the store could not be read at start or at a takeover; the next session reads it again")]
    private static partial void LogStoreUnreadable(ILogger logger, Exception exception);
}
