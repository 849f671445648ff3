namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// What a normalized event says happened. The gateway normalizer, the demo community and backfill all
/// speak only this vocabulary, so nothing downstream knows where an event came from.
/// </summary>
public enum IngestEventType
{
    /// <summary>Guild seen or renamed (GUILD_CREATE / GUILD_UPDATE). Metadata only; never counted.</summary>
    GuildUpsert,

    /// <summary>Channel or thread created or changed (CHANNEL_CREATE/UPDATE, THREAD_UPDATE, GUILD_CREATE channels). Metadata only.</summary>
    ChannelUpsert,

    /// <summary>A member's name or bot flag became known (GUILD_MEMBER_UPDATE, members in GUILD_CREATE, authors). Metadata only.</summary>
    MemberUpsert,

    /// <summary>A new thread or forum post (THREAD_CREATE with newly_created). Counted once per thread id.</summary>
    ThreadCreate,

    /// <summary>A member joined (GUILD_MEMBER_ADD).</summary>
    MemberAdd,

    /// <summary>A member left, was kicked or banned (GUILD_MEMBER_REMOVE).</summary>
    MemberRemove,

    /// <summary>A chat message was posted (system messages are not chat and never become this).</summary>
    MessageCreate,

    /// <summary>A message was edited; only the fields present change anything.</summary>
    MessageUpdate,

    /// <summary>A message was deleted (one event per id, bulk deletes included).</summary>
    MessageDelete,

    /// <summary>A reactor added an emoji to a message.</summary>
    ReactionAdd,

    /// <summary>A reactor removed an emoji from a message.</summary>
    ReactionRemove,

    /// <summary>All reactions were cleared from a message.</summary>
    ReactionRemoveAll,

    /// <summary>All reactions of one emoji were cleared from a message.</summary>
    ReactionRemoveEmoji,

    /// <summary>
    /// How many reacted with one emoji on a message when it was observed (history backfill reads counts
    /// without reactor ids). Sets the message's anonymous reactions for that emoji; see docs/how-it-counts.md.
    /// </summary>
    ReactionCount,

    /// <summary>
    /// An admin asked that a member be forgotten (Settings, <c>PUT .../members/{userId}/privacy</c>): the writer deletes
    /// everything of theirs in the batch's transaction and drops every later event from them. Never stored as a raw event.
    /// </summary>
    MemberForget,

    /// <summary>
    /// Where a member is in voice, observed at <see cref="IngestEvent.EventAt"/> (VOICE_STATE_UPDATE, the <c>voice_states</c>
    /// of GUILD_CREATE): <see cref="IngestEvent.ChannelId"/> null when they left voice, <see cref="IngestEvent.Muted"/> whether
    /// they could not be heard. State, not a delta: an observation older than the member's last one changes nothing.
    /// </summary>
    VoiceState,

    /// <summary>
    /// The end of a full list of a guild's voice states (GUILD_CREATE): every open voice session not observed at or after
    /// <see cref="IngestEvent.EventAt"/> ended at its last checkpoint (the member left while we were not connected).
    /// </summary>
    VoiceSync,

    /// <summary>Open voice sessions of the guild are counted up to <see cref="IngestEvent.EventAt"/> (at least once a minute).</summary>
    VoiceCheckpoint,

    /// <summary>A role was seen, created or changed (GUILD_CREATE <c>roles</c>, GUILD_ROLE_CREATE/UPDATE). Metadata only.</summary>
    RoleUpsert,

    /// <summary>A role was deleted (GUILD_ROLE_DELETE): its holders stop holding it at <see cref="IngestEvent.EventAt"/>.</summary>
    RoleDelete,

    /// <summary>
    /// The member upserts just before it named every member of the guild with their roles (a complete GUILD_CREATE or
    /// the REST member pages): role filters are exact from the guild's first such list on.
    /// </summary>
    RoleSnapshot,

    /// <summary>
    /// GUILD_CREATE's full role list was just upserted at <see cref="IngestEvent.EventAt"/>: a role it did not list was
    /// deleted while we were not connected, and its holders stop holding it then (the delete's own time is not known).
    /// </summary>
    RoleSync,

    /// <summary>An invite as Discord listed or announced it (<see cref="IngestEvent.Invite"/>): kept with its uses. Metadata; never counted.</summary>
    InviteUpsert,

    /// <summary>An invite was deleted (INVITE_DELETE, <see cref="IngestEvent.InviteCode"/>): kept, marked deleted, so its joins keep their inviter.</summary>
    InviteDelete,

    /// <summary>
    /// A full snapshot of the guild's invites was just upserted at <see cref="IngestEvent.EventAt"/>: an invite it did not
    /// list is gone (deleted while we were not connected).
    /// </summary>
    InviteSync,

    /// <summary>Whether the guild's invites could be read (<see cref="IngestEvent.InvitesStatus"/>: ok, or the Manage Server permission is missing).</summary>
    InvitesStatus,

    /// <summary>
    /// Which invite brought the member who joined at <see cref="IngestEvent.EventAt"/> (<see cref="IngestEvent.InviteCode"/>;
    /// null: unknown). Its own event, sent after the join once the invites' uses were read again.
    /// </summary>
    JoinAttributed,
}
