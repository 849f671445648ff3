using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// Invites: INVITE_CREATE and INVITE_DELETE, and the REST invite objects (<c>GET /guilds/{id}/invites</c>) and vanity URL
/// (<c>GET /guilds/{id}/vanity-url</c>) of the same shapes. They carry no time that orders them, so the receive time is theirs.
/// </summary>
public sealed partial class DispatchNormalizer
{
    /// <summary>The longest invite code we keep; Discord's are under 30 characters, a vanity code at most 32.</summary>
    public const int MaxInviteCodeLength = 100;

    /// <summary>An invite object (INVITE_CREATE, or REST with its metadata) as an <see cref="IngestEventType.InviteUpsert"/>.</summary>
    public IReadOnlyList<IngestEvent> NormalizeInvite(ulong guildId, JsonElement invite, long receivedAt)
    {
        var events = new List<IngestEvent>(1);
        if (invite.ValueKind == JsonValueKind.Object)
        {
            AddInvite(invite, guildId, receivedAt, events);
        }

        return events;
    }

    /// <summary>The vanity URL (<c>{code, uses}</c>) as an invite; nothing when the guild has none (<c>code</c> null).</summary>
    public IReadOnlyList<IngestEvent> NormalizeVanityUrl(ulong guildId, JsonElement vanity, long receivedAt)
    {
        var events = new List<IngestEvent>(1);
        if (vanity.ValueKind == JsonValueKind.Object && InviteCode(vanity) is { } code)
        {
            Add(events, new IngestEvent
            {
                Type = IngestEventType.InviteUpsert,
                GuildId = guildId,
                EventAt = receivedAt,
                Invite = new InviteFact(code, null, null, Math.Max(Json.Int(vanity, "uses") ?? 0, 0), 0, null, IsVanity: true),
            });
        }

        return events;
    }

    private void AddInvite(JsonElement invite, ulong? guildId, long receivedAt, List<IngestEvent> events)
    {
        if (InviteCode(invite) is not { } code)
        {
            LogMalformed(_logger, "INVITE_CREATE", "code missing");
            return;
        }

        // INVITE_CREATE names the channel by id, REST by a partial channel object.
        var channelId = Json.Snowflake(invite, "channel_id") ?? (Json.Object(invite, "channel") is { } channel ? Json.Snowflake(channel, "id") : null);
        var inviter = Json.Object(invite, "inviter") is { } user ? Json.Snowflake(user, "id") : null;
        Add(events, new IngestEvent
        {
            Type = IngestEventType.InviteUpsert,
            GuildId = Json.Snowflake(invite, "guild_id") ?? (Json.Object(invite, "guild") is { } guild ? Json.Snowflake(guild, "id") : null) ?? guildId ?? 0,
            EventAt = receivedAt,
            Invite = new InviteFact(code, inviter, channelId, Math.Max(Json.Int(invite, "uses") ?? 0, 0), Math.Max(Json.Int(invite, "max_uses") ?? 0, 0), ExpiresAt(invite), IsVanity: false),
        });
    }

    private void InviteDelete(JsonElement invite, long receivedAt, List<IngestEvent> events)
    {
        Add(events, new IngestEvent
        {
            Type = IngestEventType.InviteDelete,
            GuildId = Json.Snowflake(invite, "guild_id") ?? 0,
            EventAt = receivedAt,
            InviteCode = InviteCode(invite),
        });
    }

    /// <summary><c>expires_at</c> when given (REST), else <c>created_at + max_age</c> (INVITE_CREATE); null for never (max_age 0).</summary>
    private static long? ExpiresAt(JsonElement invite)
    {
        if (Json.Timestamp(invite, "expires_at") is { } expiresAt)
        {
            return expiresAt;
        }

        var maxAge = Json.Int(invite, "max_age") ?? 0;
        return maxAge > 0 && Json.Timestamp(invite, "created_at") is { } createdAt ? createdAt + (maxAge * 1000L) : null;
    }

    private static string? InviteCode(JsonElement invite) =>
        Json.String(invite, "code") is { Length: > 0 and <= MaxInviteCodeLength } code ? code : null;
}
