using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// Roles (GUILD_CREATE <c>roles</c>, GUILD_ROLE_CREATE/UPDATE/DELETE) and members' role lists. None carries a time, so the
/// receive time is theirs. The @everyone role (its id is the guild's) is held by everyone and says nothing: it is left out.
/// </summary>
public sealed partial class DispatchNormalizer
{
    private void Roles(JsonElement guild, ulong guildId, long receivedAt, List<IngestEvent> events)
    {
        if (Json.Property(guild, "roles") is not { ValueKind: JsonValueKind.Array } roles)
        {
            return;
        }

        foreach (var role in roles.EnumerateArray())
        {
            AddRole(role, guildId, receivedAt, events);
        }

        // GUILD_CREATE lists every role: one we keep that it did not list was deleted while we were away.
        Add(events, new IngestEvent { Type = IngestEventType.RoleSync, GuildId = guildId, EventAt = receivedAt });
    }

    private void RoleChange(string eventName, JsonElement data, long receivedAt, List<IngestEvent> events)
    {
        var guildId = Json.Snowflake(data, "guild_id") ?? 0;
        if (eventName == "GUILD_ROLE_DELETE")
        {
            var roleId = Json.Snowflake(data, "role_id");
            if (roleId != guildId)
            {
                Add(events, new IngestEvent { Type = IngestEventType.RoleDelete, GuildId = guildId, EventAt = receivedAt, RoleId = roleId });
            }

            return;
        }

        if (Json.Object(data, "role") is { } role)
        {
            AddRole(role, guildId, receivedAt, events);
        }
        else
        {
            LogMalformed(_logger, eventName, "role missing");
        }
    }

    private void AddRole(JsonElement role, ulong guildId, long receivedAt, List<IngestEvent> events)
    {
        if (role.ValueKind != JsonValueKind.Object || Json.Snowflake(role, "id") is not { } roleId || roleId == guildId)
        {
            return;
        }

        Add(events, new IngestEvent
        {
            Type = IngestEventType.RoleUpsert,
            GuildId = guildId,
            EventAt = receivedAt,
            RoleId = roleId,
            Name = TextClip.ToLength(Json.String(role, "name"), IngestEvent.MaxNameLength),
            Role = new RoleDetails(Json.Int(role, "color") ?? 0, Json.Int(role, "position") ?? 0, Json.Bool(role, "managed") == true),
        });
    }

    /// <summary>A member object's <c>roles</c> (ids as strings), or null when it has none to say.</summary>
    private static RoleIdList? RoleIds(JsonElement member, ulong guildId)
    {
        if (Json.Property(member, "roles") is not { ValueKind: JsonValueKind.Array } roles)
        {
            return null;
        }

        var ids = new List<ulong>(roles.GetArrayLength());
        foreach (var role in roles.EnumerateArray())
        {
            if (role.ValueKind == JsonValueKind.String && ulong.TryParse(role.GetString(), out var id) && id != 0 && id != guildId && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>
    /// The members of a GUILD_CREATE are every member when their count is the guild's <c>member_count</c> (a small guild, or
    /// one that sends all members): then their roles are a complete list.
    /// </summary>
    private void MaybeRoleSnapshot(JsonElement guild, ulong guildId, long receivedAt, List<IngestEvent> events)
    {
        var members = Json.Property(guild, "members") is { ValueKind: JsonValueKind.Array } list ? list.GetArrayLength() : -1;
        if (members > 0 && Json.Int(guild, "member_count") == members)
        {
            Add(events, RoleSnapshotEvent(guildId, receivedAt));
        }
    }

    /// <summary>Says that the member upserts before it, at <paramref name="at"/>, named every member of the guild.</summary>
    public static IngestEvent RoleSnapshotEvent(ulong guildId, long at) =>
        new() { Type = IngestEventType.RoleSnapshot, GuildId = guildId, EventAt = at };

    /// <summary>A member object from REST (<c>GET /guilds/{id}/members</c>) as a <see cref="IngestEventType.MemberUpsert"/> with its roles.</summary>
    public IReadOnlyList<IngestEvent> NormalizeMember(ulong guildId, JsonElement member, long receivedAt)
    {
        var events = new List<IngestEvent>(1);
        if (member.ValueKind == JsonValueKind.Object)
        {
            AddMemberUpsert(member, guildId, NextReceiveTime(receivedAt), events);
        }

        return events;
    }
}
