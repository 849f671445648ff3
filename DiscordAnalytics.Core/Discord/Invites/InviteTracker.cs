using System.Collections.Concurrent;
using System.Net;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Discord.Invites;

/// <summary>
/// Keeps each guild's invites and attributes joins to them (docs/how-it-counts.md, Invites). The gateway hands it what it
/// saw (<see cref="Observe"/>) and never waits for it: each guild has its own queue with one reader, which reads the
/// invites over REST (through the client's rate-limit buckets) and writes what it learns as ingest events of their own
/// (invite upserts, a sync, the status, join attributions). Joins queued together are attributed together, so several
/// joins close to each other never race: <see cref="InviteAttribution"/> decides. A 403 (Manage Server missing) is
/// recorded once and nothing is read again until the next fresh session. Any other failed read (a 5xx after the client's
/// retries, no answer in time, not JSON, Discord not reached) is recorded too, so the card says what failed and when; it is
/// read again at the next join, the next fresh session, and <see cref="InvitesOptions.RetryAfter"/> later.
/// </summary>
public sealed partial class InviteTracker : IAsyncDisposable
{
    /// <summary>A GUILD_MEMBER_ADD whose join is older than this is Discord re-sending an existing member: not attributed.</summary>
    public static readonly TimeSpan MaxJoinAge = TimeSpan.FromMinutes(10);

    private readonly DiscordRestClient _rest;
    private readonly DispatchNormalizer _normalizer;
    private readonly IIngestionSink _sink;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryAfter;
    private readonly ILogger<InviteTracker> _logger;
    private readonly ConcurrentDictionary<ulong, GuildInviteState> _guilds = new();
    private readonly ConcurrentBag<Task> _readers = [];
    private readonly CancellationTokenSource _stopping = new();

    public InviteTracker(DiscordRestClient rest, DispatchNormalizer normalizer, IIngestionSink sink, TimeProvider time, IOptions<InvitesOptions> options, ILogger<InviteTracker> logger)
    {
        _retryAfter = options.Value.RetryAfter;
        _rest = rest;
        _normalizer = normalizer;
        _sink = sink;
        _time = time;
        _logger = logger;
    }

    /// <summary>A fresh gateway session (or a backfill): the guild's invites are read again, a missing permission tried again.</summary>
    public void Refresh(ulong guildId) => Enqueue(guildId, new InviteWork(InviteWorkKind.Refresh));

    /// <summary>
    /// A history backfill: the guild's invites are stored again, but the uses that joins are compared with stay. Within one
    /// connection every earlier join was attributed already, so a rise the read sees belongs to a join still on its way:
    /// taking it in here would turn that join into an unknown one.
    /// </summary>
    public void RefreshKeepingBaseline(ulong guildId) => Enqueue(guildId, new InviteWork(InviteWorkKind.Refresh, KeepBaseline: true));

    /// <summary>Takes note of a normalized gateway event: invite creates and deletes, and joins to attribute. Never waits.</summary>
    public void Observe(IngestEvent e)
    {
        switch (e.Type)
        {
            case IngestEventType.InviteUpsert when e.Invite is { IsVanity: false } invite:
                Enqueue(e.GuildId, new InviteWork(InviteWorkKind.Created, invite.Code, invite.Uses));
                break;
            case IngestEventType.InviteDelete when e.InviteCode is { } code:
                Enqueue(e.GuildId, new InviteWork(InviteWorkKind.Deleted, code));
                break;
            case IngestEventType.MemberAdd when e.UserId is { } user && !e.IsBot
                && _time.GetUtcNow().ToUnixTimeMilliseconds() - e.EventAt <= (long)MaxJoinAge.TotalMilliseconds:
                // Bots join through OAuth, never an invite; an old join is Discord re-sending an existing member.
                Enqueue(e.GuildId, new InviteWork(InviteWorkKind.Joined, UserId: user, JoinedAt: e.EventAt));
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var state in _guilds.Values)
        {
            state.Queue.Writer.TryComplete();
        }

        try
        {
            await Task.WhenAll(_readers).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stopping.Dispose();
    }

    private void Enqueue(ulong guildId, InviteWork work)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var state = _guilds.GetOrAdd(guildId, id =>
        {
            var created = new GuildInviteState();
            _readers.Add(Task.Run(() => ReadQueueAsync(id, created, _stopping.Token)));
            return created;
        });
        state.Queue.Writer.TryWrite(work);
    }

    private async Task ReadQueueAsync(ulong guildId, GuildInviteState state, CancellationToken cancellationToken)
    {
        var reader = state.Queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!reader.TryRead(out var work))
                {
                    continue;
                }

                try
                {
                    await DoAsync(guildId, state, work, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // One failed item costs its attribution (never a guess), not the guild's tracking.
                    state.Accounted = null;
                    LogWorkFailed(_logger, ex, guildId, work.Kind);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task DoAsync(ulong guildId, GuildInviteState state, InviteWork work, CancellationToken cancellationToken)
    {
        switch (work.Kind)
        {
            case InviteWorkKind.Refresh:
                state.RetryScheduled = false;
                state.MissingPermission = false;
                state.ReadVanity = true;
                var read = await ReadAndStoreAsync(guildId, state, sync: true, cancellationToken).ConfigureAwait(false);
                state.Accounted = work.KeepBaseline && read is not null && state.Accounted is { } kept ? kept : read;
                break;
            case InviteWorkKind.Created when state.Accounted is { } accounted:
                accounted[work.Code!] = work.Uses;
                break;
            case InviteWorkKind.Deleted when state.Accounted is { } accounted:
                accounted.Remove(work.Code!);
                break;
            case InviteWorkKind.Joined:
                await AttributeAsync(guildId, state, work, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Attributes this join and every join queued right behind it, from one read of the invites.</summary>
    private async Task AttributeAsync(ulong guildId, GuildInviteState state, InviteWork first, CancellationToken cancellationToken)
    {
        var joins = new List<InviteWork>();
        AddIfNew(first);
        while (state.Queue.Reader.TryPeek(out var next) && next.Kind == InviteWorkKind.Joined && state.Queue.Reader.TryRead(out next))
        {
            AddIfNew(next);
        }

        if (joins.Count == 0 || state.MissingPermission)
        {
            // Without the permission nothing is read (no retry loop); the card says why joins are not attributed.
            return;
        }

        var before = state.Accounted;
        var now = await ReadAndStoreAsync(guildId, state, sync: false, cancellationToken).ConfigureAwait(false);
        if (now is null)
        {
            // The read failed: the joins stay unattributed (no record rather than a guess), the next read starts afresh.
            state.Accounted = null;
            return;
        }

        var (code, accounted) = before is null ? (null, now) : InviteAttribution.Decide(before, now, joins.Count);
        state.Accounted = accounted;
        LogAttributed(_logger, guildId, joins.Count, code is not null);
        foreach (var join in joins)
        {
            await _sink.WriteAsync(
                new IngestEvent { Type = IngestEventType.JoinAttributed, GuildId = guildId, EventAt = join.JoinedAt, UserId = join.UserId, InviteCode = code },
                cancellationToken).ConfigureAwait(false);
        }

        void AddIfNew(InviteWork join)
        {
            if (state.TryRemember(join.UserId, join.JoinedAt))
            {
                joins.Add(join);
            }
        }
    }

    /// <summary>
    /// Reads the invites and the vanity URL, stores those whose uses changed (all of them, then a sync, for a refresh) and the
    /// status; the uses per code, or null when they could not be read.
    /// </summary>
    private async Task<Dictionary<string, int>?> ReadAndStoreAsync(ulong guildId, GuildInviteState state, bool sync, CancellationToken cancellationToken)
    {
        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        List<IngestEvent> invites;
        try
        {
            invites = [.. (await _rest.GetGuildInvitesAsync(guildId, cancellationToken).ConfigureAwait(false)).SelectMany(i => _normalizer.NormalizeInvite(guildId, i, at))];
        }
        catch (DiscordRestException ex) when (ex.StatusCode == HttpStatusCode.Forbidden && ex.ErrorCode == InvitesStatuses.MissingPermissionsCode)
        {
            state.MissingPermission = true;
            LogMissingPermission(_logger, guildId);
            await WriteStatusAsync(guildId, InvitesStatuses.MissingPermission, at, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (DiscordRestException ex) when (ex.StatusCode == HttpStatusCode.Forbidden)
        {
            // Another refusal (Missing Access, ...): no permission to name, so it is said as Discord said it. Refused for
            // good like the permission: not asked again per join until the next connection.
            state.MissingPermission = true;
            LogRefused(_logger, guildId, ex.ErrorCode);
            await WriteStatusAsync(guildId, InvitesStatuses.Unreadable((int)HttpStatusCode.Forbidden, ex.ErrorCode), at, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or System.Text.Json.JsonException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Visible, not only logged: the card and the summary say what failed and when, until a read succeeds.
            LogUnreadable(_logger, guildId, ex.GetType().Name);
            state.ReadFailed = true;
            ScheduleRetry(guildId, state);
            await WriteStatusAsync(guildId, ReadFailure(ex), at, cancellationToken).ConfigureAwait(false);
            return null;
        }

        invites.AddRange(await ReadVanityAsync(guildId, state, at, cancellationToken).ConfigureAwait(false));
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var invite in invites)
        {
            var fact = invite.Invite!;
            uses[fact.Code] = fact.Uses;
            if (sync || !state.Stored.TryGetValue(fact.Code, out var stored) || stored != fact.Uses)
            {
                state.Stored[fact.Code] = fact.Uses;
                await _sink.WriteAsync(invite, cancellationToken).ConfigureAwait(false);
            }
        }

        if (sync)
        {
            await _sink.WriteAsync(new IngestEvent { Type = IngestEventType.InviteSync, GuildId = guildId, EventAt = at }, cancellationToken).ConfigureAwait(false);
        }

        if (sync || state.ReadFailed)
        {
            state.ReadFailed = false;
            await WriteStatusAsync(guildId, InvitesStatuses.Ok, at, cancellationToken).ConfigureAwait(false);
        }

        return uses;
    }

    /// <summary>The vanity URL as an invite; nothing when the guild has none or it cannot be read (then not asked again until the next refresh).</summary>
    private async Task<IReadOnlyList<IngestEvent>> ReadVanityAsync(ulong guildId, GuildInviteState state, long at, CancellationToken cancellationToken)
    {
        if (!state.ReadVanity)
        {
            return [];
        }

        try
        {
            var vanity = _normalizer.NormalizeVanityUrl(guildId, await _rest.GetVanityUrlAsync(guildId, cancellationToken).ConfigureAwait(false), at);
            state.ReadVanity = vanity.Count > 0;
            return vanity;
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or System.Text.Json.JsonException)
        {
            // A guild without the vanity feature answers with an error: it simply has no vanity URL.
            state.ReadVanity = false;
            LogNoVanity(_logger, guildId, ex.GetType().Name);
            return [];
        }
    }

    /// <summary>The stored status of a failed read: what failed, in <see cref="InvitesStatuses"/>' terms.</summary>
    private static string ReadFailure(Exception ex) => ex switch
    {
        DiscordRestException { StatusCode: { } status } => InvitesStatuses.ReadFailed(InvitesStatuses.HttpFailure, (int)status),
        DiscordRestException { InnerException: OperationCanceledException } or OperationCanceledException => InvitesStatuses.ReadFailed(InvitesStatuses.TimeoutFailure, null),
        DiscordRestException { InnerException: System.Text.Json.JsonException } or System.Text.Json.JsonException => InvitesStatuses.ReadFailed(InvitesStatuses.NotJsonFailure, null),
        HttpRequestException => InvitesStatuses.ReadFailed(InvitesStatuses.NetworkFailure, null),
        _ => InvitesStatuses.ReadFailed("other", null),
    };

    /// <summary>Reads the invites again <see cref="InvitesOptions.RetryAfter"/> from now (one pending retry per guild), so a failure does not wait for a join or a new connection.</summary>
    private void ScheduleRetry(ulong guildId, GuildInviteState state)
    {
        if (state.RetryScheduled)
        {
            return;
        }

        state.RetryScheduled = true;
        _readers.Add(RetryLaterAsync());

        async Task RetryLaterAsync()
        {
            try
            {
                await Task.Delay(_retryAfter, _time, _stopping.Token).ConfigureAwait(false);
                Refresh(guildId);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }

    private ValueTask WriteStatusAsync(ulong guildId, string status, long at, CancellationToken cancellationToken) =>
        _sink.WriteAsync(new IngestEvent { Type = IngestEventType.InvitesStatus, GuildId = guildId, EventAt = at, InvitesStatus = status }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invites of guild {GuildId} cannot be read: the bot lacks the Manage Server permission (403); joins are not attributed until the next connection")]
    private static partial void LogMissingPermission(ILogger logger, ulong guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invites of guild {GuildId} are refused (403, Discord error code {ErrorCode}, not Missing Permissions); joins are not attributed until the next connection")]
    private static partial void LogRefused(ILogger logger, ulong guildId, int? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invites of guild {GuildId} could not be read ({Error})")]
    private static partial void LogUnreadable(ILogger logger, ulong guildId, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Guild {GuildId} has no readable vanity URL ({Error})")]
    private static partial void LogNoVanity(ILogger logger, ulong guildId, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Guild {GuildId}: {Joins} joins attributed (to an invite: {Credited})")]
    private static partial void LogAttributed(ILogger logger, ulong guildId, int joins, bool credited);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invite tracking of guild {GuildId} failed on {Work}; it goes on")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, ulong guildId, InviteWorkKind work);
}
