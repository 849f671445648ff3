namespace DiscordAnalytics.Core.Ingestion;

/// <summary>The stored, snake_case names of event types (the raw table's <c>event_type</c> column).</summary>
public static class IngestEventTypeNames
{
    public static string Of(IngestEventType type) => type switch
    {
        IngestEventType.GuildUpsert => "guild_upsert",
        IngestEventType.ChannelUpsert => "channel_upsert",
        IngestEventType.MemberUpsert => "member_upsert",
        IngestEventType.ThreadCreate => "thread_create",
        IngestEventType.MemberAdd => "member_add",
        IngestEventType.MemberRemove => "member_remove",
        IngestEventType.MessageCreate => "message_create",
        IngestEventType.MessageUpdate => "message_update",
        IngestEventType.MessageDelete => "message_delete",
        IngestEventType.ReactionAdd => "reaction_add",
        IngestEventType.ReactionRemove => "reaction_remove",
        IngestEventType.ReactionRemoveAll => "reaction_remove_all",
        IngestEventType.ReactionRemoveEmoji => "reaction_remove_emoji",
        IngestEventType.ReactionCount => "reaction_count",
        IngestEventType.MemberForget => "member_forget",
        _ => "unknown",
    };
}
