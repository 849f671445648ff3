using System.Text.Json.Serialization;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// One normalized event: the single shape every source (gateway, demo, backfill) produces.
/// Ids are Discord snowflakes. Times are UTC epoch milliseconds.
/// </summary>
public sealed record IngestEvent
{
    /// <summary>Longest content excerpt we ever store (privacy: excerpts, never full content).</summary>
    public const int MaxExcerptLength = TextClip.MaxExcerptLength;

    /// <summary>Longest name we store; Discord names are far shorter, so anything longer is hostile input.</summary>
    public const int MaxNameLength = 200;

    public required IngestEventType Type { get; init; }

    public required ulong GuildId { get; init; }

    /// <summary>When it happened. For messages the creation time; for other events the time it was observed.</summary>
    public required long EventAt { get; init; }

    /// <summary>
    /// The channel the event happened in, exactly as Discord delivers it: a thread id for messages and
    /// reactions inside threads. Ingestion resolves threads to their parent channel for channel rollups.
    /// For channel and thread events it is the channel or thread itself.
    /// </summary>
    public ulong? ChannelId { get; init; }

    public ulong? MessageId { get; init; }

    /// <summary>The author (messages), reactor (reactions), member (member events) or thread owner.</summary>
    public ulong? UserId { get; init; }

    /// <summary>
    /// For events that carry no id or time of their own (a leave): which delivery this was, unique per
    /// delivery across processes, so two leaves never share a dedupe key (the receive time alone can
    /// repeat after a restart). Null: the key uses <see cref="EventAt"/>.
    /// </summary>
    public string? DeliveryId { get; init; }

    /// <summary>Whether <see cref="UserId"/> is a bot or webhook. Bot activity is stored but not counted by default.</summary>
    public bool IsBot { get; init; }

    /// <summary>Reaction emoji: the unicode character(s), or <c>name:id</c> for custom emoji.</summary>
    public string? Emoji { get; init; }

    /// <summary>At most <see cref="MaxExcerptLength"/> characters of message content, when content is available.</summary>
    public string? Excerpt { get; init; }

    /// <summary>Guild, channel, thread or member display name (upserts, thread create, member add).</summary>
    public string? Name { get; init; }

    /// <summary>Discord channel type (named in <see cref="Discord.ChannelTypes"/>: 0 text, 2 voice, 4 category, 5 announcement, 10-12 threads, 15 forum, 16 media).</summary>
    public int? ChannelType { get; init; }

    /// <summary>For threads: the parent text/forum channel. For ordinary channels: the category.</summary>
    public ulong? ParentId { get; init; }

    /// <summary>For message updates: the edited timestamp (part of the dedupe key).</summary>
    public long? EditedAt { get; init; }

    /// <summary>For replies: the message replied to.</summary>
    public ulong? ReferencedMessageId { get; init; }

    /// <summary>
    /// For message creates and edits: what the message carries and its length, measured from the whole content before it
    /// is clipped to an excerpt. Null when the source did not say (the message then counts in no kind rollup).
    /// </summary>
    public MessageShape? Shape { get; init; }

    /// <summary>For <see cref="IngestEventType.ReactionCount"/>: how many reacted with <see cref="Emoji"/> at <see cref="EventAt"/>.</summary>
    public int? Count { get; init; }

    /// <summary>For <see cref="IngestEventType.VoiceState"/>: the member could not be heard (muted or deafened by themselves or the server, or a stage listener).</summary>
    public bool? Muted { get; init; }

    /// <summary>For <see cref="IngestEventType.GuildUpsert"/>: the guild's AFK voice channel, 0 when it has none, null when not said.</summary>
    public ulong? AfkChannelId { get; init; }

    /// <summary>For <see cref="IngestEventType.RoleUpsert"/> and <see cref="IngestEventType.RoleDelete"/>: the role.</summary>
    public ulong? RoleId { get; init; }

    /// <summary>For <see cref="IngestEventType.RoleUpsert"/>: color, position and whether an integration manages the role.</summary>
    public RoleDetails? Role { get; init; }

    /// <summary>
    /// For <see cref="IngestEventType.MemberUpsert"/> and <see cref="IngestEventType.MemberAdd"/>: every role the member
    /// holds at <see cref="EventAt"/> (the @everyone role left out); null when the source did not say.
    /// </summary>
    public RoleIdList? RoleIds { get; init; }

    /// <summary>For <see cref="IngestEventType.MessageCreate"/>: the roles the message mentions (<c>mention_roles</c>); null when none.</summary>
    public RoleIdList? MentionedRoleIds { get; init; }

    /// <summary>For <see cref="IngestEventType.ChannelUpsert"/> of a thread: its archive, lock and tags; null when the event did not say.</summary>
    public ThreadStatus? ThreadStatus { get; init; }

    /// <summary>
    /// For <see cref="IngestEventType.ChannelUpsert"/> of a forum or media channel: the ids of its tags named solved or
    /// resolved (<c>available_tags</c>); null when the event did not carry its tags.
    /// </summary>
    public RoleIdList? SolvedTagIds { get; init; }

    /// <summary>For <see cref="IngestEventType.InviteUpsert"/>: the invite as Discord described it.</summary>
    public InviteFact? Invite { get; init; }

    /// <summary>For <see cref="IngestEventType.InviteDelete"/> the deleted invite; for <see cref="IngestEventType.JoinAttributed"/> the credited one (null: unknown).</summary>
    public string? InviteCode { get; init; }

    /// <summary>For <see cref="IngestEventType.InvitesStatus"/>: <c>ok</c>, <c>missing_permission</c> or a refusal (<c>unreadable:403:50001</c>; <see cref="Storage.InvitesStatuses"/>).</summary>
    public string? InvitesStatus { get; init; }

    /// <summary>
    /// Set when this is a retry of a dead letter: the row the writer removes in the transaction that applies the event
    /// (or updates when it fails again). Not part of the event itself, so not part of its stored JSON.
    /// </summary>
    [JsonIgnore]
    public long? DeadLetterId { get; init; }

    /// <summary>The dedupe key (docs/how-it-counts.md): ingesting two events with the same (guild, type, id) changes nothing the second time.</summary>
    public string EventId => Type switch
    {
        IngestEventType.MessageCreate or IngestEventType.MessageDelete => $"{MessageId}",
        IngestEventType.MessageUpdate => $"{MessageId}:{EditedAt ?? EventAt}",
        IngestEventType.ThreadCreate => $"{ChannelId}",
        IngestEventType.MemberAdd => $"{UserId}:{EventAt}",
        IngestEventType.MemberRemove => $"{UserId}:{DeliveryId ?? EventAt.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        // Reactions are state, not deltas: the fact (message, emoji, reactor) decides what counts, so the
        // raw event id includes the time and a re-added reaction is a new event.
        IngestEventType.ReactionAdd or IngestEventType.ReactionRemove => $"{MessageId}:{UserId}:{Emoji}:{EventAt}",
        IngestEventType.ReactionRemoveAll => $"{MessageId}:{EventAt}",
        IngestEventType.ReactionRemoveEmoji => $"{MessageId}:{Emoji}:{EventAt}",
        // A count is a snapshot of state at EventAt: a later snapshot is a new event that sets the state again.
        IngestEventType.ReactionCount => $"{MessageId}:{Emoji}:{EventAt}",
        IngestEventType.GuildUpsert => $"{GuildId}",
        IngestEventType.ChannelUpsert => $"{ChannelId}",
        // A role list is state observed at a time (like a voice state): each observation is its own event.
        IngestEventType.MemberUpsert when RoleIds is not null => $"{UserId}:{EventAt}",
        IngestEventType.MemberUpsert or IngestEventType.MemberForget => $"{UserId}",
        IngestEventType.VoiceState => $"{UserId}:{EventAt}",
        IngestEventType.VoiceSync or IngestEventType.VoiceCheckpoint => $"{EventAt}",
        IngestEventType.RoleUpsert or IngestEventType.RoleDelete => $"{RoleId}",
        IngestEventType.RoleSnapshot or IngestEventType.RoleSync => $"{EventAt}",
        IngestEventType.InviteUpsert => $"{Invite?.Code}:{EventAt}",
        IngestEventType.InviteDelete => $"{InviteCode}:{EventAt}",
        IngestEventType.InviteSync or IngestEventType.InvitesStatus => $"{EventAt}",
        IngestEventType.JoinAttributed => $"{UserId}:{EventAt}",
        _ => string.Empty,
    };

    /// <summary>
    /// The time that leads the raw event's stored key, computed from the dedupe key alone (so two events
    /// with the same key always get the same one): the snowflake time of the message or thread the key
    /// names, the edit time of an update, and the event time that is part of every other key. Leading the
    /// key with time makes live inserts land at the end of the table instead of all over it, and lets
    /// retention find old rows without a second index.
    /// </summary>
    public long KeyAt => Type switch
    {
        IngestEventType.MessageCreate or IngestEventType.MessageDelete => Snowflake.ToUnixMs(MessageId ?? 0),
        IngestEventType.ThreadCreate => Snowflake.ToUnixMs(ChannelId ?? 0),
        IngestEventType.MessageUpdate => EditedAt ?? EventAt,
        _ => EventAt,
    };

    /// <summary>The type as stored and shown (<c>message_create</c>, <c>reaction_add</c>, ...).</summary>
    public string TypeName => IngestEventTypeNames.StoredName(Type);

    /// <summary>
    /// Why this event cannot be ingested, or null when it is complete. Sources may send anything;
    /// the pipeline logs and skips what fails here and never dies on it.
    /// </summary>
    public string? Validate()
    {
        if (GuildId == 0)
        {
            return "guild id missing";
        }

        if (!Enum.IsDefined(Type))
        {
            return "unknown event type";
        }

        if (EventAt <= Snowflake.DiscordEpochMs)
        {
            return "event time before the Discord epoch";
        }

        return Type switch
        {
            IngestEventType.GuildUpsert => Name is null ? "guild name missing" : null,
            IngestEventType.ChannelUpsert or IngestEventType.ThreadCreate => ChannelId is null or 0 ? "channel id missing" : null,
            IngestEventType.InviteUpsert => string.IsNullOrEmpty(Invite?.Code) ? "invite missing" : null,
            IngestEventType.InviteDelete => string.IsNullOrEmpty(InviteCode) ? "invite code missing" : null,
            IngestEventType.InvitesStatus => InvitesStatus is Storage.InvitesStatuses.Ok or Storage.InvitesStatuses.MissingPermission
                || (InvitesStatus is { } status && Storage.InvitesStatuses.Failure(status) is not null) ? null : "invites status missing",
            IngestEventType.MemberUpsert or IngestEventType.MemberAdd or IngestEventType.MemberRemove or IngestEventType.MemberForget or IngestEventType.VoiceState
                or IngestEventType.JoinAttributed =>
                UserId is null or 0 ? "user id missing" : null,
            IngestEventType.MessageCreate =>
                MessageId is null or 0 ? "message id missing"
                : ChannelId is null or 0 ? "channel id missing"
                : UserId is null or 0 ? "author id missing"
                : null,
            IngestEventType.MessageUpdate or IngestEventType.MessageDelete or IngestEventType.ReactionRemoveAll =>
                MessageId is null or 0 ? "message id missing" : null,
            IngestEventType.ReactionAdd or IngestEventType.ReactionRemove =>
                MessageId is null or 0 ? "message id missing"
                : ChannelId is null or 0 ? "channel id missing"
                : UserId is null or 0 ? "reactor id missing"
                : string.IsNullOrEmpty(Emoji) ? "emoji missing"
                : null,
            IngestEventType.RoleUpsert => RoleId is null or 0 ? "role id missing" : Name is null ? "role name missing" : null,
            IngestEventType.RoleDelete => RoleId is null or 0 ? "role id missing" : null,
            IngestEventType.ReactionRemoveEmoji =>
                MessageId is null or 0 ? "message id missing" : string.IsNullOrEmpty(Emoji) ? "emoji missing" : null,
            IngestEventType.ReactionCount =>
                MessageId is null or 0 ? "message id missing"
                : ChannelId is null or 0 ? "channel id missing"
                : string.IsNullOrEmpty(Emoji) ? "emoji missing"
                : Count is null or < 0 ? "count missing"
                : null,
            _ => null,
        };
    }
}
