using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Discord.Members;

/// <summary>
/// Reads a guild's whole member list over REST (<c>GET /guilds/{id}/members</c>, 1,000 a page, through the client's
/// rate-limit buckets) when its GUILD_CREATE named only part of it: a guild over Discord's large threshold (at most 250)
/// sends only some members, so without this most members' roles (and the member rows lurkers count) would be unknown.
/// Each member's roles are observed at the read's start, like a gap repair's pages, so a role change the gateway delivers
/// meanwhile (newer) wins; the list's end is a role snapshot, from which role filters are exact. The gateway never waits:
/// each guild is read in the background, once at a time. Needs the Server Members intent; a 403 is logged and the list
/// stays as the gateway gave it.
/// </summary>
public sealed partial class MemberListReader : IAsyncDisposable
{
    private readonly DiscordRestClient _rest;
    private readonly DispatchNormalizer _normalizer;
    private readonly IIngestionSink _sink;
    private readonly TimeProvider _time;
    private readonly ILogger<MemberListReader> _logger;
    private readonly bool _membersIntent;
    private readonly ConcurrentDictionary<ulong, Task> _reading = new();
    private readonly CancellationTokenSource _stopping = new();

    public MemberListReader(DiscordRestClient rest, DispatchNormalizer normalizer, IIngestionSink sink, TimeProvider time, IOptions<DiscordOptions> options, ILogger<MemberListReader> logger)
    {
        _rest = rest;
        _normalizer = normalizer;
        _sink = sink;
        _time = time;
        _logger = logger;
        _membersIntent = GatewayIntentsParser.FromOptions(options.Value).HasFlag(GatewayIntents.GuildMembers);
    }

    /// <summary>A GUILD_CREATE's <c>members</c> are fewer than its <c>member_count</c>: the rest must be read.</summary>
    public static bool IsPartial(JsonElement guild) =>
        Json.Property(guild, "members") is { ValueKind: JsonValueKind.Array } members
        && Json.Int(guild, "member_count") is { } count
        && members.GetArrayLength() < count;

    /// <summary>Starts reading the guild's member list unless a read of it is under way. Never waits.</summary>
    public void Read(ulong guildId)
    {
        if (!_membersIntent || _stopping.IsCancellationRequested)
        {
            return;
        }

        var started = false;
        _reading.AddOrUpdate(
            guildId,
            id => { started = true; return Task.Run(() => ReadAsync(id, _stopping.Token)); },
            (id, running) =>
            {
                if (!running.IsCompleted)
                {
                    return running;
                }

                started = true;
                return Task.Run(() => ReadAsync(id, _stopping.Token));
            });
        if (!started)
        {
            LogAlreadyReading(_logger, guildId);
        }
    }

    /// <summary>Completes when no member list is being read (tests and shutdown).</summary>
    public Task IdleAsync() => Task.WhenAll(_reading.Values);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await IdleAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stopping.Dispose();
    }

    private async Task ReadAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var observedAt = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var members = 0;
        try
        {
            await foreach (var (member, _) in MemberPages.ReadAsync((after, ct) => _rest.GetGuildMembersAsync(guildId, after, ct), cancellationToken).ConfigureAwait(false))
            {
                members++;
                foreach (var e in _normalizer.NormalizeMember(guildId, member, observedAt))
                {
                    await _sink.WriteAsync(e, cancellationToken).ConfigureAwait(false);
                }
            }

            await _sink.WriteAsync(DispatchNormalizer.RoleSnapshotEvent(guildId, observedAt), cancellationToken).ConfigureAwait(false);
            LogRead(_logger, guildId, members);
        }
        catch (DiscordRestException ex) when (ex.StatusCode is HttpStatusCode.Forbidden)
        {
            LogForbidden(_logger, guildId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failed read costs the roles of members the gateway did not name, until the next connection reads again.
            LogFailed(_logger, ex, guildId, members);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member list of guild {GuildId} read over REST: {Members} members with their roles")]
    private static partial void LogRead(ILogger logger, ulong guildId, int members);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Member list of guild {GuildId} is already being read")]
    private static partial void LogAlreadyReading(ILogger logger, ulong guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member list of guild {GuildId} is refused (403): enable the Server Members intent in the Developer Portal; roles stay as the gateway named them")]
    private static partial void LogForbidden(ILogger logger, ulong guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member list of guild {GuildId} could not be read after {Members} members; it is read again at the next connection")]
    private static partial void LogFailed(ILogger logger, Exception exception, ulong guildId, int members);
}
