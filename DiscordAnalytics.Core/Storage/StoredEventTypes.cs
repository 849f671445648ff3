namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// The one table of stored, snake_case event-type names: the raw table's <c>eventType</c> column, dead letters, logs.
/// SQL and queries that name a type use these constants (the writer maps its event kinds to them in
/// <c>IngestEventTypeNames</c>); retention picks its prunable types from there.
/// </summary>
public static class StoredEventTypes
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

    public const string VoiceState = "voice_state";

    public const string VoiceSync = "voice_sync";

    public const string VoiceCheckpoint = "voice_checkpoint";

    public const string RoleUpsert = "role_upsert";

    public const string RoleDelete = "role_delete";

    public const string RoleSnapshot = "role_snapshot";

    public const string RoleSync = "role_sync";

    public const string InviteUpsert = "invite_upsert";

    public const string InviteDelete = "invite_delete";

    public const string InviteSync = "invite_sync";

    public const string InvitesStatus = "invites_status";

    public const string JoinAttributed = "join_attributed";
}
