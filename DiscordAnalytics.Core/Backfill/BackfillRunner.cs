using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// Executes one run: discovers channels and threads once, then pages each channel's messages back to the
/// cut-off. Per page: normalize, write, wait until committed, then store the checkpoint (oldest message id)
/// with the counters in one transaction. So a restart, a kill included, continues after the last committed
/// page; a page redone after a kill is absorbed by event dedupe and counted in the progress once.
/// Idempotent: running a finished run again does nothing.
/// </summary>
public sealed partial class BackfillRunner(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IEnumerable<IHistorySource> sources,
    DispatchNormalizer normalizer,
    IIngestionSink sink,
    IIngestionFlusher flusher,
    BackfillRegistry registry,
    BackfillNotifier notifier,
    IOptions<BackfillOptions> options,
    TimeProvider time,
    ILogger<BackfillRunner> logger,
    Discord.Invites.InviteTracker? invites = null,
    IOptions<Discord.DiscordOptions>? discord = null)
{
    private readonly IHistorySource? _source = sources.LastOrDefault();

    /// <summary>
    /// The Server Members intent is configured: a manual run of a live guild reads the member list too (roles and joins),
    /// as a gap repair always does. Without the options (the bench), it is not read.
    /// </summary>
    private readonly bool _membersIntent = discord is not null
        && Discord.Gateway.GatewayIntentsParser.FromOptions(discord.Value).HasFlag(Discord.Gateway.GatewayIntents.GuildMembers);

    /// <summary>Executes (or continues) run <paramref name="runId"/> until it completes, is paused or cancelled, or the token ends.</summary>
    public async Task RunAsync(long runId, CancellationToken cancellationToken)
    {
        using var execution = registry.TryBegin(runId, cancellationToken);
        if (execution is null)
        {
            LogAlreadyRunning(logger, runId);
            return;
        }

        var run = await ClaimAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return;
        }

        var guildId = (ulong)run.GuildId;
        notifier.Publish(guildId);
        var work = new RunWork(run, execution, Now());
        try
        {
            if (_source is null)
            {
                await FinishAsync(work, BackfillState.Failed, "No history source: configure a bot token or demo mode.").ConfigureAwait(false);
                return;
            }

            LogStarted(logger, runId, guildId, run.Days, _source.Kind);
            if (run.DiscoveredAt is null)
            {
                // The invites' REST snapshot goes with the history (live only: the demo writes its own invites).
                if (_source.Kind == "live")
                {
                    invites?.RefreshKeepingBaseline(guildId);
                }

                await DiscoverAsync(_source, work, execution.Token).ConfigureAwait(false);
            }

            var channels = await OpenChannelsAsync(runId, execution.Token).ConfigureAwait(false);
            await PageChannelsAsync(_source, work, channels, execution.Token).ConfigureAwait(false);

            await FinishAsync(work, BackfillState.Completed, null).ConfigureAwait(false);
            LogFinished(logger, runId, guildId);
        }
        catch (OperationCanceledException) when (execution.Token.IsCancellationRequested)
        {
            // Paused or cancelled (the service set the state), or the host is stopping: the state stays
            // "running" and the resumer continues from the checkpoints at the next start.
            LogStopped(logger, runId, guildId);
        }
        catch (DiscordUnauthorizedException)
        {
            await FinishAsync(work, BackfillState.Failed, "Discord rejected the bot token (401).").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or JsonException or DbUpdateException)
        {
            LogFailed(logger, ex, runId, guildId);
            await FinishAsync(work, BackfillState.Failed, ex is DiscordRestException ? ex.Message : $"{ex.GetType().Name}; see the log").ConfigureAwait(false);
        }
        finally
        {
            notifier.Publish(guildId);
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<BackfillRun?> ClaimAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var run = await db.BackfillRuns.FindAsync([runId], cancellationToken).ConfigureAwait(false);
        if (run is null || run.State is not (BackfillState.Queued or BackfillState.Running))
        {
            return null;
        }

        run.State = BackfillState.Running;
        run.StartedAt ??= Now();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>The channels still to page (pending, or interrupted mid-way), in work order.</summary>
    private async Task<List<BackfillChannel>> OpenChannelsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.BackfillChannels.AsNoTracking()
            .Where(c => c.RunId == runId && (c.State == BackfillChannelState.Pending || c.State == BackfillChannelState.Running))
            .OrderBy(c => c.Position)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PageChannelAsync(IHistorySource source, RunWork work, BackfillChannel channel, CancellationToken cancellationToken)
    {
        var guildId = (ulong)work.Run.GuildId;
        var channelId = (ulong)channel.ChannelId;
        var before = channel.OldestMessageId is { } oldest ? (ulong)oldest : (ulong?)null;
        while (!work.StopPaging)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<JsonElement> page;
            try
            {
                work.Execution.CountRequest();
                page = await source.GetMessagesAsync(channelId, before, cancellationToken).ConfigureAwait(false);
            }
            catch (DiscordRestException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                await SkipAsync(work, channel.ChannelId, Reason(ex.StatusCode!.Value), cancellationToken).ConfigureAwait(false);
                return;
            }

            var observedAt = Now();
            var events = new List<IngestEvent>(page.Count * 3);
            var messages = 0;
            var reactions = 0;
            ulong? pageOldest = null;
            var reachedCutoff = page.Count < DiscordRestClient.PageSize;

            // Discord answers newest first; sort anyway so the cut-off test can stop at the first older message.
            foreach (var (id, message) in page.Select(m => (Id: Json.Snowflake(m, "id"), Message: m)).Where(m => m.Id is not null).OrderByDescending(m => m.Id))
            {
                if (Snowflake.ToUnixMs(id!.Value) < work.Run.CutoffAt)
                {
                    reachedCutoff = true;
                    break;
                }

                pageOldest = id;
                messages++;
                var normalized = normalizer.NormalizeMessage(guildId, message, observedAt);
                events.AddRange(normalized);
                if (normalized.Any(e => e.Type == IngestEventType.MessageCreate))
                {
                    // Reactions on system messages are not counted, as on the gateway path.
                    reactions += await ReactionEventsAsync(source, work, guildId, id.Value, message, observedAt, events, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var ingestEvent in events)
            {
                await sink.WriteAsync(ingestEvent, cancellationToken).ConfigureAwait(false);
            }

            await flusher.FlushAsync(cancellationToken).ConfigureAwait(false);
            var done = reachedCutoff || pageOldest is null;
            await CheckpointAsync(work, new BackfillCheckpoint(channel.ChannelId, pageOldest, messages, reactions, done), cancellationToken).ConfigureAwait(false);
            LogPage(logger, work.Run.RunId, channelId, messages, done);
            if (done)
            {
                return;
            }

            before = pageOldest;
        }
    }

    private async Task<int> ReactionEventsAsync(IHistorySource source, RunWork work, ulong guildId, ulong messageId, JsonElement message, long observedAt, List<IngestEvent> events, CancellationToken cancellationToken)
    {
        var channelId = Json.Snowflake(message, "channel_id");
        var total = 0;
        foreach (var reaction in Json.Array(message, "reactions"))
        {
            var emoji = DispatchNormalizer.EmojiKey(reaction);
            // Our own bot's reaction is a bot reaction: not counted (Discord:IncludeBots governs identified ones).
            var count = (Json.Int(reaction, "count") ?? 0) - (Json.Bool(reaction, "me") == true ? 1 : 0);
            if (string.IsNullOrEmpty(emoji) || count <= 0 || channelId is null)
            {
                continue;
            }

            if (!options.Value.ExactReactors)
            {
                events.Add(new IngestEvent
                {
                    Type = IngestEventType.ReactionCount,
                    GuildId = guildId,
                    EventAt = observedAt,
                    ChannelId = channelId,
                    MessageId = messageId,
                    Emoji = emoji,
                    Count = count,
                });
                total += count;
                continue;
            }

            ulong? after = null;
            while (true)
            {
                work.Execution.CountRequest();
                var users = await source.GetReactorsAsync(channelId.Value, messageId, emoji, after, cancellationToken).ConfigureAwait(false);
                foreach (var user in users)
                {
                    if (Json.Snowflake(user, "id") is not { } userId)
                    {
                        continue;
                    }

                    var isBot = Json.Bool(user, "bot") == true;
                    var name = Json.String(user, "global_name") ?? Json.String(user, "username");
                    events.Add(new IngestEvent { Type = IngestEventType.MemberUpsert, GuildId = guildId, EventAt = observedAt, UserId = userId, IsBot = isBot, Name = TextClip.ToLength(name, IngestEvent.MaxNameLength) });
                    events.Add(new IngestEvent
                    {
                        Type = IngestEventType.ReactionAdd,
                        GuildId = guildId,
                        EventAt = observedAt,
                        ChannelId = channelId,
                        MessageId = messageId,
                        UserId = userId,
                        IsBot = isBot,
                        Emoji = emoji,
                    });
                    total++;
                    after = userId;
                }

                if (users.Count < DiscordRestClient.PageSize)
                {
                    break;
                }
            }
        }

        return total;
    }

    private async Task SkipAsync(RunWork work, long channelId, string reason, CancellationToken cancellationToken)
    {
        await work.RunRowGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = Now();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var channel = await db.BackfillChannels.SingleAsync(c => c.RunId == work.Run.RunId && c.ChannelId == channelId, cancellationToken).ConfigureAwait(false);
            channel.State = BackfillChannelState.Skipped;
            channel.SkipReason = reason;
            channel.UpdatedAt = now;
            await AddRunTimeAsync(db, work, now, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            work.RunRowGate.Release();
        }

        LogSkipped(logger, work.Run.RunId, channelId, reason);
        notifier.Publish((ulong)work.Run.GuildId);
    }

    /// <summary>Moves this execution's requests and running time since the last save onto the run row.</summary>
    private static async Task AddRunTimeAsync(AnalyticsDbContext db, RunWork work, long now, CancellationToken cancellationToken)
    {
        var run = await db.BackfillRuns.SingleAsync(r => r.RunId == work.Run.RunId, cancellationToken).ConfigureAwait(false);
        var requests = work.Execution.Requests;
        run.Requests += requests - work.SavedRequests;
        run.RunningMs += Math.Max(0, now - work.SavedAt);
        work.SavedRequests = requests;
        work.SavedAt = now;
    }

    private async Task FinishAsync(RunWork work, BackfillState state, string? error)
    {
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        var run = await db.BackfillRuns.SingleAsync(r => r.RunId == work.Run.RunId).ConfigureAwait(false);
        if (run.State != BackfillState.Running)
        {
            // Paused or cancelled meanwhile: that decision stands.
            return;
        }

        await AddRunTimeAsync(db, work, now, CancellationToken.None).ConfigureAwait(false);
        run.State = state;
        run.Error = error;
        run.FinishedAt = now;
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static string Reason(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Forbidden => "403: the bot may not read this channel's history (View Channel / Read Message History)",
        _ => "404: the channel no longer exists",
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Backfill run {RunId} is already executing here; this execution does nothing")]
    private static partial void LogAlreadyRunning(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill run {RunId} of guild {GuildId}: {Days} days from the {Source} source")]
    private static partial void LogStarted(ILogger logger, long runId, ulong guildId, int days, string source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Backfill run {RunId} channel {ChannelId}: page of {Messages} messages (channel done: {Done})")]
    private static partial void LogPage(ILogger logger, long runId, ulong channelId, int messages, bool done);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backfill run {RunId} skipped channel {ChannelId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, long runId, long channelId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill run {RunId} of guild {GuildId} completed")]
    private static partial void LogFinished(ILogger logger, long runId, ulong guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill run {RunId} of guild {GuildId} stopped; it continues from its checkpoints when resumed")]
    private static partial void LogStopped(ILogger logger, long runId, ulong guildId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backfill run {RunId} of guild {GuildId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long runId, ulong guildId);

    /// <summary>What one execution carries between pages.</summary>
    private sealed class RunWork(BackfillRun run, BackfillExecution execution, long startedAt)
    {
        public BackfillRun Run { get; } = run;

        public BackfillExecution Execution { get; } = execution;

        public long SavedRequests { get; set; }

        public long SavedAt { get; set; } = startedAt;

        /// <summary>Set when a channel failed the run: the other channels stop after the page they are on.</summary>
        public volatile bool StopPaging;

        /// <summary>Held while the run row is read, added to and saved (the channels of a run page concurrently).</summary>
        public SemaphoreSlim RunRowGate { get; } = new(1, 1);

        /// <summary>Checkpoints of committed pages not yet saved; the next save takes them all.</summary>
        public ConcurrentQueue<BackfillCheckpoint> WaitingCheckpoints { get; } = new();
    }
}
