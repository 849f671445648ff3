using System.Globalization;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// What the settings page and the HTTP API do with backfill: start (validated), pause, resume, cancel, and read
/// the status with progress. Execution happens in <see cref="BackfillRunner"/> via the <see cref="IBackfillScheduler"/>.
/// </summary>
public sealed class BackfillService(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IEnumerable<IHistorySource> sources,
    IBackfillScheduler scheduler,
    BackfillRegistry registry,
    BackfillNotifier notifier,
    IOptions<BackfillOptions> options,
    TimeProvider time)
{
    private readonly IHistorySource? _source = sources.LastOrDefault();

    /// <summary>Whether runs can execute here (a bot token or demo mode).</summary>
    public bool IsAvailable => _source is not null;

    /// <summary>The depths a run may ask for (7/14/30/90 up to <c>Backfill:MaxDays</c>).</summary>
    public IReadOnlyList<int> AllowedDepths => options.Value.AllowedDepths;

    public async Task<BackfillOutcome> StartAsync(ulong guildId, int days, IReadOnlyList<ulong>? channelIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == (long)guildId, cancellationToken).ConfigureAwait(false))
        {
            return BackfillOutcome.NotFound();
        }

        if (!AllowedDepths.Contains(days))
        {
            return BackfillOutcome.Bad("days", $"days must be one of {string.Join(", ", AllowedDepths)} (Backfill:MaxDays is {options.Value.MaxDays}).");
        }

        if (channelIds is { Count: 0 })
        {
            return BackfillOutcome.Bad("channelIds", "channelIds must name at least one channel, or be left out for the default set.");
        }

        if (channelIds is not null)
        {
            var wanted = channelIds.Select(id => (long)id).Distinct().ToList();
            var known = await db.Channels
                .Where(c => c.GuildId == (long)guildId && wanted.Contains(c.ChannelId))
                .Select(c => new { c.ChannelId, c.Type, c.IsThread })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (known.Count != wanted.Count || known.Any(c => !c.IsThread && !ChannelTypes.IsThreadParent(c.Type)))
            {
                return BackfillOutcome.Bad("channelIds", "channelIds must be text, announcement, forum channels or threads of this guild.");
            }
        }

        if (_source is null)
        {
            return BackfillOutcome.Conflict("Backfill needs a bot token (Discord:Token) or demo mode.");
        }

        var latest = await LatestAsync(db, guildId, cancellationToken).ConfigureAwait(false);
        if (latest is not null && latest.State.IsActive())
        {
            return BackfillOutcome.Conflict($"A backfill of this guild is already {latest.State.StoredName()}; cancel it first.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var run = new BackfillRun
        {
            GuildId = (long)guildId,
            Days = days,
            CutoffAt = now - days * DayBucket.MillisecondsPerDay,
            ChannelSelection = channelIds is null ? null : string.Join(',', channelIds.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture))),
            State = BackfillState.Queued,
            RequestedAt = now,
        };
        db.BackfillRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        scheduler.Enqueue(run.RunId);
        notifier.Publish(guildId);
        return BackfillOutcome.Ok(await GetStatusAsync(guildId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Stops a queued or running run at its next page; its checkpoints stay.</summary>
    public Task<BackfillOutcome> PauseAsync(ulong guildId, CancellationToken cancellationToken) =>
        ChangeAsync(guildId, [BackfillState.Queued, BackfillState.Running], BackfillState.Paused, stop: true, enqueue: false, cancellationToken);

    /// <summary>Continues a paused run from its checkpoints.</summary>
    public Task<BackfillOutcome> ResumeAsync(ulong guildId, CancellationToken cancellationToken) =>
        ChangeAsync(guildId, [BackfillState.Paused], BackfillState.Queued, stop: false, enqueue: true, cancellationToken);

    /// <summary>Ends an active run for good; what it imported stays.</summary>
    public Task<BackfillOutcome> CancelAsync(ulong guildId, CancellationToken cancellationToken) =>
        ChangeAsync(guildId, [BackfillState.Queued, BackfillState.Running, BackfillState.Paused], BackfillState.Cancelled, stop: true, enqueue: false, cancellationToken);

    /// <summary>The guild's latest run with progress, or null when it never had one.</summary>
    public async Task<BackfillStatus?> GetStatusAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var run = await LatestAsync(db, guildId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return null;
        }

        var channels = await db.BackfillChannels.AsNoTracking()
            .Where(c => c.RunId == run.RunId)
            .OrderBy(c => c.Position)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return BackfillStatusBuilder.Build(run, channels, registry.Find(run.RunId), _source?.Kind ?? "none", time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>Whether the guild is in the store.</summary>
    public async Task<bool> GuildExistsAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Guilds.AnyAsync(g => g.GuildId == (long)guildId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The channels a run can be limited to, by name.</summary>
    public async Task<IReadOnlyList<BackfillChannelChoice>> ListChannelChoicesAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var types = ChannelTypes.ThreadParents;
        var rows = await db.Channels.AsNoTracking()
            .Where(c => c.GuildId == (long)guildId && !c.IsThread && types.Contains(c.Type))
            .OrderBy(c => c.Name).ThenBy(c => c.ChannelId)
            .Select(c => new { c.ChannelId, c.Name, c.Type })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(c => new BackfillChannelChoice(c.ChannelId.ToString(CultureInfo.InvariantCulture), c.Name, c.Type))];
    }

    private async Task<BackfillOutcome> ChangeAsync(ulong guildId, BackfillState[] from, BackfillState to, bool stop, bool enqueue, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == (long)guildId, cancellationToken).ConfigureAwait(false))
        {
            return BackfillOutcome.NotFound();
        }

        var run = await LatestAsync(db, guildId, cancellationToken).ConfigureAwait(false);
        if (run is null || !from.Contains(run.State))
        {
            return BackfillOutcome.Conflict(run is null ? "This guild has no backfill." : $"The backfill is {run.State.StoredName()}.");
        }

        // Conditional on the state read, so a run that finished meanwhile is not overwritten.
        var changed = await db.BackfillRuns
            .Where(r => r.RunId == run.RunId && r.State == run.State)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, to)
                .SetProperty(r => r.FinishedAt, r => to == BackfillState.Cancelled ? time.GetUtcNow().ToUnixTimeMilliseconds() : r.FinishedAt), cancellationToken)
            .ConfigureAwait(false);
        if (changed == 0)
        {
            return BackfillOutcome.Conflict("The backfill changed meanwhile; try again.");
        }

        if (stop)
        {
            registry.Stop(run.RunId);
        }

        if (enqueue)
        {
            scheduler.Enqueue(run.RunId);
        }

        notifier.Publish(guildId);
        return BackfillOutcome.Ok(await GetStatusAsync(guildId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The owner's latest run: gap repairs have their own line (GapRepairService) and never block the owner.</summary>
    private static Task<BackfillRun?> LatestAsync(AnalyticsDbContext db, ulong guildId, CancellationToken cancellationToken) =>
        db.BackfillRuns.AsNoTracking()
            .Where(r => r.GuildId == (long)guildId && r.Kind == null)
            .OrderByDescending(r => r.RunId)
            .FirstOrDefaultAsync(cancellationToken);
}
