using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Logging;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// Turns gateway dispatches (and REST objects of the same shapes) into <see cref="IngestEvent"/>s.
/// No I/O; its only state is the last receive time and a delivery counter (receive times stay strictly increasing
/// and delivery ids unique), both thread-safe. Unknown dispatch types yield nothing; malformed payloads
/// are logged (event name only, never content) and yield nothing. Never throws.
/// </summary>
public sealed partial class DispatchNormalizer
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DispatchNormalizer> _logger;
    private long _lastReceivedAt;

    /// <summary>Makes delivery ids unique across processes: a restarted app numbers its deliveries afresh.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];

    private long _deliveries;

    public DispatchNormalizer(TimeProvider timeProvider, ILogger<DispatchNormalizer> logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Normalizes one dispatch received now.</summary>
    public IReadOnlyList<IngestEvent> Normalize(string eventName, JsonElement data) =>
        Normalize(eventName, data, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>
    /// The receive time, strictly increasing per process. Reactions and member changes carry no time of
    /// their own, so their dedupe key uses it: two different events in one millisecond (a RESUME replay
    /// arrives as a burst) must not share a key, or a re-added reaction would be taken for a duplicate.
    /// </summary>
    private long NextReceiveTime(long receivedAt)
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastReceivedAt);
            var next = Math.Max(receivedAt, last + 1);
            if (Interlocked.CompareExchange(ref _lastReceivedAt, next, last) == last)
            {
                return next;
            }
        }
    }

    /// <summary>Normalizes one dispatch received at <paramref name="receivedAt"/> (epoch ms).</summary>
    public IReadOnlyList<IngestEvent> Normalize(string eventName, JsonElement data, long receivedAt)
    {
        receivedAt = NextReceiveTime(receivedAt);
        var events = new List<IngestEvent>();
        try
        {
            if (data.ValueKind != JsonValueKind.Object)
            {
                if (IsKnown(eventName))
                {
                    LogMalformed(_logger, eventName, "d is not an object");
                }

                return events;
            }

            switch (eventName)
            {
                case "GUILD_CREATE":
                case "GUILD_UPDATE":
                    Guild(data, receivedAt, events);
                    break;
                case "CHANNEL_CREATE":
                case "CHANNEL_UPDATE":
                case "THREAD_UPDATE":
                case "THREAD_DELETE":
                    AddChannel(data, Json.Snowflake(data, "guild_id"), receivedAt, events);
                    break;
                case "THREAD_CREATE":
                    ThreadCreate(data, receivedAt, events);
                    break;
                case "THREAD_LIST_SYNC":
                    foreach (var thread in Json.Array(data, "threads"))
                    {
                        AddChannel(thread, Json.Snowflake(data, "guild_id"), receivedAt, events);
                    }

                    break;
                case "MESSAGE_CREATE":
                    MessageCreate(data, Json.Snowflake(data, "guild_id"), receivedAt, events);
                    break;
                case "MESSAGE_UPDATE":
                    MessageUpdate(data, receivedAt, events);
                    break;
                case "MESSAGE_DELETE":
                    MessageDelete(data, receivedAt, events);
                    break;
                case "MESSAGE_DELETE_BULK":
                    MessageDeleteBulk(data, receivedAt, events);
                    break;
                case "MESSAGE_REACTION_ADD":
                case "MESSAGE_REACTION_REMOVE":
                    Reaction(eventName == "MESSAGE_REACTION_ADD" ? IngestEventType.ReactionAdd : IngestEventType.ReactionRemove, data, receivedAt, events);
                    break;
                case "MESSAGE_REACTION_REMOVE_ALL":
                case "MESSAGE_REACTION_REMOVE_EMOJI":
                    ReactionClear(eventName == "MESSAGE_REACTION_REMOVE_ALL" ? IngestEventType.ReactionRemoveAll : IngestEventType.ReactionRemoveEmoji, data, receivedAt, events);
                    break;
                case "VOICE_STATE_UPDATE":
                    VoiceState(data, Json.Snowflake(data, "guild_id"), receivedAt, events);
                    break;
                case "INVITE_CREATE":
                    AddInvite(data, null, receivedAt, events);
                    break;
                case "INVITE_DELETE":
                    InviteDelete(data, receivedAt, events);
                    break;
                case "GUILD_MEMBER_ADD":
                case "GUILD_MEMBER_UPDATE":
                case "GUILD_MEMBER_REMOVE":
                    Member(eventName, data, receivedAt, events);
                    break;
                case "GUILD_ROLE_CREATE":
                case "GUILD_ROLE_UPDATE":
                case "GUILD_ROLE_DELETE":
                    RoleChange(eventName, data, receivedAt, events);
                    break;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or KeyNotFoundException or ArgumentException)
        {
            LogMalformed(_logger, eventName, ex.GetType().Name);
            events.Clear();
        }

        return events;
    }

    /// <summary>A channel or thread object (gateway or REST) as a <see cref="IngestEventType.ChannelUpsert"/>.</summary>
    public IReadOnlyList<IngestEvent> NormalizeChannel(ulong guildId, JsonElement channel, long receivedAt)
    {
        var events = new List<IngestEvent>(1);
        if (channel.ValueKind == JsonValueKind.Object)
        {
            AddChannel(channel, guildId, receivedAt, events);
        }

        return events;
    }

    /// <summary>A message object (gateway or REST, where REST messages lack <c>guild_id</c>).</summary>
    public IReadOnlyList<IngestEvent> NormalizeMessage(ulong guildId, JsonElement message, long receivedAt)
    {
        var events = new List<IngestEvent>(2);
        if (message.ValueKind == JsonValueKind.Object)
        {
            MessageCreate(message, Json.Snowflake(message, "guild_id") ?? guildId, receivedAt, events);
        }

        return events;
    }

    /// <summary>Events that fail <see cref="IngestEvent.Validate"/> (e.g. DMs without a guild) are dropped here.</summary>
    private void Add(List<IngestEvent> events, IngestEvent ingestEvent)
    {
        if (ingestEvent.Validate() is { } problem)
        {
            LogInvalid(_logger, ingestEvent.TypeName, problem);
            return;
        }

        events.Add(ingestEvent);
    }

    private static bool IsKnown(string eventName) => eventName is "GUILD_CREATE" or "GUILD_UPDATE" or "CHANNEL_CREATE" or "CHANNEL_UPDATE"
        or "THREAD_CREATE" or "THREAD_UPDATE" or "THREAD_DELETE" or "THREAD_LIST_SYNC" or "MESSAGE_CREATE" or "MESSAGE_UPDATE"
        or "MESSAGE_DELETE" or "MESSAGE_DELETE_BULK" or "MESSAGE_REACTION_ADD" or "MESSAGE_REACTION_REMOVE"
        or "MESSAGE_REACTION_REMOVE_ALL" or "MESSAGE_REACTION_REMOVE_EMOJI" or "GUILD_MEMBER_ADD" or "GUILD_MEMBER_UPDATE"
        or "GUILD_MEMBER_REMOVE" or "VOICE_STATE_UPDATE" or "GUILD_ROLE_CREATE" or "GUILD_ROLE_UPDATE" or "GUILD_ROLE_DELETE"
        or "INVITE_CREATE" or "INVITE_DELETE";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed {EventName} dispatch skipped ({Problem})")]
    private static partial void LogMalformed(ILogger logger, string eventName, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Normalized {EventType} dropped: {Problem}")]
    private static partial void LogInvalid(ILogger logger, string eventType, string problem);
}
