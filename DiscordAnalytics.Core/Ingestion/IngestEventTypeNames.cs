using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>The stored name of each event kind (<see cref="StoredEventTypes"/>), for the raw table, dead letters and logs.</summary>
public static class IngestEventTypeNames
{
    /// <summary>The name stored for <paramref name="type"/> (<c>unknown</c> for a value outside the enum).</summary>
    public static string StoredName(IngestEventType type) => type switch
    {
        IngestEventType.GuildUpsert => StoredEventTypes.GuildUpsert,
        IngestEventType.ChannelUpsert => StoredEventTypes.ChannelUpsert,
        IngestEventType.MemberUpsert => StoredEventTypes.MemberUpsert,
        IngestEventType.ThreadCreate => StoredEventTypes.ThreadCreate,
        IngestEventType.MemberAdd => StoredEventTypes.MemberAdd,
        IngestEventType.MemberRemove => StoredEventTypes.MemberRemove,
        IngestEventType.MessageCreate => StoredEventTypes.MessageCreate,
        IngestEventType.MessageUpdate => StoredEventTypes.MessageUpdate,
        IngestEventType.MessageDelete => StoredEventTypes.MessageDelete,
        IngestEventType.ReactionAdd => StoredEventTypes.ReactionAdd,
        IngestEventType.ReactionRemove => StoredEventTypes.ReactionRemove,
        IngestEventType.ReactionRemoveAll => StoredEventTypes.ReactionRemoveAll,
        IngestEventType.ReactionRemoveEmoji => StoredEventTypes.ReactionRemoveEmoji,
        IngestEventType.ReactionCount => StoredEventTypes.ReactionCount,
        IngestEventType.MemberForget => StoredEventTypes.MemberForget,
        IngestEventType.VoiceState => StoredEventTypes.VoiceState,
        IngestEventType.VoiceSync => StoredEventTypes.VoiceSync,
        IngestEventType.VoiceCheckpoint => StoredEventTypes.VoiceCheckpoint,
        IngestEventType.RoleUpsert => StoredEventTypes.RoleUpsert,
        IngestEventType.RoleDelete => StoredEventTypes.RoleDelete,
        IngestEventType.RoleSnapshot => StoredEventTypes.RoleSnapshot,
        IngestEventType.RoleSync => StoredEventTypes.RoleSync,
        IngestEventType.InviteUpsert => StoredEventTypes.InviteUpsert,
        IngestEventType.InviteDelete => StoredEventTypes.InviteDelete,
        IngestEventType.InviteSync => StoredEventTypes.InviteSync,
        IngestEventType.InvitesStatus => StoredEventTypes.InvitesStatus,
        IngestEventType.JoinAttributed => StoredEventTypes.JoinAttributed,
        _ => "unknown",
    };
}
