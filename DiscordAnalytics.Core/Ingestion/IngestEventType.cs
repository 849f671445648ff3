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
}
