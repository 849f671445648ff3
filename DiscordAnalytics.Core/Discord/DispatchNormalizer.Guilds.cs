using DiscordAnalytics.Core.Storage;
using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Discord;

/// <summary>Guilds, channels, threads and members: the metadata dispatches, plus joins and leaves.</summary>
public sealed partial class DispatchNormalizer
{
    private void Guild(JsonElement guild, long receivedAt, List<IngestEvent> events)
    {
        var guildId = Json.Snowflake(guild, "id");
        if (guildId is null || Json.String(guild, "name") is not { } name)
        {
            // An unavailable guild ({id, unavailable:true}) has nothing to say yet.
            return;
        }

        Add(events, new IngestEvent
        {
            Type = IngestEventType.GuildUpsert,
            GuildId = guildId.Value,
            EventAt = receivedAt,
            Name = TextClip.ToLength(name, IngestEvent.MaxNameLength),
            // Present (null when none) in GUILD_CREATE and GUILD_UPDATE: time in it is not voice time.
            AfkChannelId = Json.Has(guild, "afk_channel_id") ? Json.Snowflake(guild, "afk_channel_id") ?? 0 : null,
        });

        // Channels in GUILD_CREATE often lack guild_id: the guild's own id fills it.
        foreach (var channel in Json.Array(guild, "channels"))
        {
            AddChannel(channel, guildId, receivedAt, events);
        }

        foreach (var thread in Json.Array(guild, "threads"))
        {
            AddChannel(thread, guildId, receivedAt, events);
        }

        Roles(guild, guildId.Value, receivedAt, events);
        foreach (var member in Json.Array(guild, "members"))
        {
            AddMemberUpsert(member, guildId.Value, receivedAt, events);
        }

        MaybeRoleSnapshot(guild, guildId.Value, receivedAt, events);

        if (Json.Property(guild, "voice_states") is { ValueKind: JsonValueKind.Array } states)
        {
            // The full list of who is in voice now, announced first: a session it does not name ended while we were away.
            Add(events, new IngestEvent { Type = IngestEventType.VoiceSync, GuildId = guildId.Value, EventAt = receivedAt });
            foreach (var state in states.EnumerateArray())
            {
                VoiceState(state, guildId, receivedAt, events);
            }
        }
    }

    private void ThreadCreate(JsonElement thread, long receivedAt, List<IngestEvent> events)
    {
        if (Json.Bool(thread, "newly_created") != true)
        {
            // Also sent when the bot is added to an existing thread: metadata only.
            AddChannel(thread, Json.Snowflake(thread, "guild_id"), receivedAt, events);
            return;
        }

        Add(events, new IngestEvent
        {
            Type = IngestEventType.ThreadCreate,
            GuildId = Json.Snowflake(thread, "guild_id") ?? 0,
            EventAt = receivedAt,
            ChannelId = Json.Snowflake(thread, "id"),
            ParentId = Json.Snowflake(thread, "parent_id"),
            ChannelType = Json.Int(thread, "type"),
            Name = TextClip.ToLength(Json.String(thread, "name"), IngestEvent.MaxNameLength),
            UserId = Json.Snowflake(thread, "owner_id"),
        });
    }

    private void AddChannel(JsonElement channel, ulong? guildId, long receivedAt, List<IngestEvent> events)
    {
        if (channel.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        Add(events, new IngestEvent
        {
            Type = IngestEventType.ChannelUpsert,
            GuildId = Json.Snowflake(channel, "guild_id") ?? guildId ?? 0,
            EventAt = receivedAt,
            ChannelId = Json.Snowflake(channel, "id"),
            ChannelType = Json.Int(channel, "type"),
            ParentId = Json.Snowflake(channel, "parent_id"),

            // THREAD_DELETE carries no name: null means "unknown", not "renamed to nothing".
            Name = TextClip.ToLength(Json.String(channel, "name"), IngestEvent.MaxNameLength),

            // A thread's owner: the writer drops every event of a forgotten member, so a later THREAD_UPDATE, GUILD_CREATE
            // or backfill cannot bring back the title of a thread they started. Channels have no owner (null).
            UserId = Json.Snowflake(channel, "owner_id"),
            ThreadStatus = ThreadStatusOf(channel),
            SolvedTagIds = SolvedTags(channel),
        });
    }

    /// <summary>A thread's archive, lock and tags (resolution); null for a channel, or a thread event without <c>thread_metadata</c> (THREAD_DELETE).</summary>
    private static ThreadStatus? ThreadStatusOf(JsonElement channel)
    {
        if (Json.Object(channel, "thread_metadata") is not { } metadata)
        {
            return null;
        }

        return new ThreadStatus(
            Json.Bool(metadata, "archived") == true,
            Json.Bool(metadata, "locked") == true,
            Json.Timestamp(metadata, "archive_timestamp"),
            Snowflakes(channel, "applied_tags"));
    }

    /// <summary>A forum's tags whose name contains "solved" or "resolved" (any case); null when the channel has no tag list.</summary>
    private static RoleIdList? SolvedTags(JsonElement channel)
    {
        if (Json.Property(channel, "available_tags") is not { ValueKind: JsonValueKind.Array } tags)
        {
            return null;
        }

        return tags.EnumerateArray()
            .Where(tag => tag.ValueKind == JsonValueKind.Object && Json.String(tag, "name") is { } name && SolvedTagNames.IsSolved(name))
            .Select(tag => Json.Snowflake(tag, "id"))
            .OfType<ulong>()
            .ToList();
    }

    private static RoleIdList Snowflakes(JsonElement element, string property) =>
        Json.Array(element, property)
            .Select(id => id.ValueKind == JsonValueKind.String ? Snowflake.TryParse(Json.Text(id)) : null)
            .OfType<ulong>()
            .ToList();

    private void Member(string eventName, JsonElement member, long receivedAt, List<IngestEvent> events)
    {
        var guildId = Json.Snowflake(member, "guild_id") ?? 0;
        var user = Json.Object(member, "user");
        if (user is not { } u)
        {
            LogMalformed(_logger, eventName, "user missing");
            return;
        }

        var userId = Json.Snowflake(u, "id");
        var isBot = Json.Bool(u, "bot") == true;
        switch (eventName)
        {
            case "GUILD_MEMBER_ADD":
                // Sent again for existing members: joined_at keeps the dedupe key (user, time) stable.
                Add(events, new IngestEvent
                {
                    Type = IngestEventType.MemberAdd,
                    GuildId = guildId,
                    EventAt = Json.Timestamp(member, "joined_at") ?? receivedAt,
                    UserId = userId,
                    IsBot = isBot,
                    Name = DisplayName(member, u),
                    RoleIds = RoleIds(member, guildId),
                });
                break;
            case "GUILD_MEMBER_REMOVE":
                // A leave carries no id or time of its own: its key is this delivery. (The receive time alone
                // is not enough: after a restart it can repeat a time the previous process used.)
                Add(events, new IngestEvent
                {
                    Type = IngestEventType.MemberRemove,
                    GuildId = guildId,
                    EventAt = receivedAt,
                    UserId = userId,
                    IsBot = isBot,
                    DeliveryId = $"{_instance}-{Interlocked.Increment(ref _deliveries)}",
                });
                break;
            default:
                AddMemberUpsert(member, guildId, receivedAt, events);
                break;
        }
    }

    private void AddMemberUpsert(JsonElement member, ulong guildId, long receivedAt, List<IngestEvent> events)
    {
        if (Json.Object(member, "user") is not { } user)
        {
            return;
        }

        Add(events, new IngestEvent
        {
            Type = IngestEventType.MemberUpsert,
            GuildId = guildId,
            EventAt = receivedAt,
            UserId = Json.Snowflake(user, "id"),
            IsBot = Json.Bool(user, "bot") == true,
            Name = DisplayName(member, user),
            RoleIds = RoleIds(member, guildId),
        });
    }

    /// <summary>nick, then global_name, then username.</summary>
    private static string? DisplayName(JsonElement? member, JsonElement user)
    {
        var name = (member is { } m ? Json.String(m, "nick") : null) ?? Json.String(user, "global_name") ?? Json.String(user, "username");
        return TextClip.ToLength(name, IngestEvent.MaxNameLength);
    }
}
