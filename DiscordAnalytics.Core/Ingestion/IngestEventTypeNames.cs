namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// The one table of stored, snake_case event-type names (the raw table's <c>eventType</c> column, dead letters, logs).
/// SQL that names a type interpolates these constants; retention picks its prunable types from here.
/// </summary>
public static class IngestEventTypeNames
{
    public const string GuildUpsert = "guild_upsert";
    public const string ChannelUpsert = "channel_upsert";
    public const string MemberUpsert = "member_upsert";
    public const string ThreadCreate = "thread_create";
    public const string MemberAdd = "member_add";
    public const string MemberRemove = "member_remove";
    public const string MessageCreate = "message_create";
    public const string MessageUpdate = "message_update";
    public const string MessageDelete = "message_delete";
    public const string ReactionAdd = "reaction_add";
    public const string ReactionRemove = "reaction_remove";
    public const string ReactionRemoveAll = "reaction_remove_all";
    public const string ReactionRemoveEmoji = "reaction_remove_emoji";
    public const string ReactionCount = "reaction_count";
    public const string MemberForget = "member_forget";

    /// <summary>The name stored for <paramref name="type"/> (<c>unknown</c> for a value outside the enum).</summary>
    public static string StoredName(IngestEventType type) => type switch
    {
        IngestEventType.GuildUpsert => GuildUpsert,
        IngestEventType.ChannelUpsert => ChannelUpsert,
        IngestEventType.MemberUpsert => MemberUpsert,
        IngestEventType.ThreadCreate => ThreadCreate,
        IngestEventType.MemberAdd => MemberAdd,
        IngestEventType.MemberRemove => MemberRemove,
        IngestEventType.MessageCreate => MessageCreate,
        IngestEventType.MessageUpdate => MessageUpdate,
        IngestEventType.MessageDelete => MessageDelete,
        IngestEventType.ReactionAdd => ReactionAdd,
        IngestEventType.ReactionRemove => ReactionRemove,
        IngestEventType.ReactionRemoveAll => ReactionRemoveAll,
        IngestEventType.ReactionRemoveEmoji => ReactionRemoveEmoji,
        IngestEventType.ReactionCount => ReactionCount,
        IngestEventType.MemberForget => MemberForget,
        _ => "unknown",
    };
}
