using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>Builders for the normalized events tests write through the real writer (<see cref="TempSqliteStore.WriteAsync"/>).</summary>
public static class TestEvents
{
    public static IngestEvent Guild(ulong guild, string name, long at) =>
        new() { Type = IngestEventType.GuildUpsert, GuildId = guild, EventAt = at, Name = name };

    public static IngestEvent Channel(ulong guild, ulong channel, string name, long at, int type = ChannelTypes.Text) =>
        new() { Type = IngestEventType.ChannelUpsert, GuildId = guild, ChannelId = channel, Name = name, ChannelType = type, EventAt = at };

    public static IngestEvent Member(ulong guild, ulong user, string name, long at, bool bot = false) =>
        new() { Type = IngestEventType.MemberUpsert, GuildId = guild, UserId = user, Name = name, IsBot = bot, EventAt = at };

    /// <summary>A message whose id is a snowflake of its time (plus <paramref name="n"/> to keep ids apart).</summary>
    public static IngestEvent Message(ulong guild, ulong channel, ulong author, long at, ulong n = 0, string? excerpt = null, bool bot = false, MessageShape? shape = null, ulong? replyTo = null) =>
        new()
        {
            Shape = shape,
            ReferencedMessageId = replyTo,
            Type = IngestEventType.MessageCreate,
            GuildId = guild,
            ChannelId = channel,
            MessageId = MessageId(at, n),
            UserId = author,
            IsBot = bot,
            Excerpt = excerpt,
            EventAt = at,
        };

    /// <summary>An edit of <paramref name="message"/> at <paramref name="editedAt"/>, carrying what the edited message holds.</summary>
    public static IngestEvent Edit(ulong guild, ulong channel, ulong message, ulong author, long editedAt, string excerpt, MessageShape? shape = null) =>
        new()
        {
            Type = IngestEventType.MessageUpdate,
            GuildId = guild,
            ChannelId = channel,
            MessageId = message,
            UserId = author,
            EventAt = editedAt,
            EditedAt = editedAt,
            Excerpt = excerpt,
            Shape = shape,
        };

    public static ulong MessageId(long at, ulong n = 0) => Snowflake.FromUnixMs(at) + n;

    public static IngestEvent Reaction(ulong guild, ulong channel, ulong message, ulong reactor, long at, string emoji = "👍") =>
        new() { Type = IngestEventType.ReactionAdd, GuildId = guild, ChannelId = channel, MessageId = message, UserId = reactor, Emoji = emoji, EventAt = at };

    public static IngestEvent Delete(ulong guild, ulong channel, ulong message, long at) =>
        new() { Type = IngestEventType.MessageDelete, GuildId = guild, ChannelId = channel, MessageId = message, EventAt = at };

    public static IngestEvent Thread(ulong guild, ulong parent, ulong thread, ulong owner, string name, long at) =>
        new() { Type = IngestEventType.ThreadCreate, GuildId = guild, ChannelId = thread, ParentId = parent, UserId = owner, Name = name, ChannelType = ChannelTypes.PublicThread, EventAt = at };

    public static IngestEvent Join(ulong guild, ulong user, string name, long at) =>
        new() { Type = IngestEventType.MemberAdd, GuildId = guild, UserId = user, Name = name, EventAt = at };

    public static IngestEvent Leave(ulong guild, ulong user, long at) =>
        new() { Type = IngestEventType.MemberRemove, GuildId = guild, UserId = user, EventAt = at };

    /// <summary>A member's voice state: <paramref name="channel"/> null when they left voice.</summary>
    public static IngestEvent Voice(ulong guild, ulong user, ulong? channel, long at, bool muted = false, bool bot = false) =>
        new() { Type = IngestEventType.VoiceState, GuildId = guild, UserId = user, ChannelId = channel, Muted = muted, IsBot = bot, EventAt = at };

    /// <summary>A full list of the guild's voice states follows (GUILD_CREATE).</summary>
    public static IngestEvent VoiceSync(ulong guild, long at) => new() { Type = IngestEventType.VoiceSync, GuildId = guild, EventAt = at };

    public static IngestEvent VoiceCheckpoint(ulong guild, long at) => new() { Type = IngestEventType.VoiceCheckpoint, GuildId = guild, EventAt = at };

    public static IngestEvent AfkChannel(ulong guild, string name, ulong afk, long at) =>
        new() { Type = IngestEventType.GuildUpsert, GuildId = guild, EventAt = at, Name = name, AfkChannelId = afk };

    public static IngestEvent Forget(ulong guild, ulong user, long at) =>
        new() { Type = IngestEventType.MemberForget, GuildId = guild, UserId = user, EventAt = at };

    public static IngestEvent Role(ulong guild, ulong role, string name, long at, int color = 0, int position = 1, bool managed = false) =>
        new() { Type = IngestEventType.RoleUpsert, GuildId = guild, RoleId = role, Name = name, Role = new RoleDetails(color, position, managed), EventAt = at };

    public static IngestEvent RoleDelete(ulong guild, ulong role, long at) =>
        new() { Type = IngestEventType.RoleDelete, GuildId = guild, RoleId = role, EventAt = at };

    /// <summary>A member observed holding exactly <paramref name="roles"/> (GUILD_MEMBER_UPDATE, GUILD_CREATE members).</summary>
    public static IngestEvent MemberRoles(ulong guild, ulong user, long at, params ulong[] roles) =>
        new() { Type = IngestEventType.MemberUpsert, GuildId = guild, UserId = user, Name = string.Empty, EventAt = at, RoleIds = roles };

    /// <summary>A join with the roles the member joined with.</summary>
    public static IngestEvent JoinWithRoles(ulong guild, ulong user, long at, params ulong[] roles) =>
        new() { Type = IngestEventType.MemberAdd, GuildId = guild, UserId = user, Name = string.Empty, EventAt = at, RoleIds = roles };

    public static IngestEvent RoleSnapshot(ulong guild, long at) => DispatchNormalizer.RoleSnapshotEvent(guild, at);
    /// <summary>An invite as listed or announced (<paramref name="inviter"/> null: the vanity URL when <paramref name="vanity"/>).</summary>
    public static IngestEvent Invite(ulong guild, string code, ulong? inviter, int uses, long at, bool vanity = false) =>
        new() { Type = IngestEventType.InviteUpsert, GuildId = guild, EventAt = at, Invite = new InviteFact(code, inviter, null, uses, 0, null, vanity) };

    public static IngestEvent InviteDeleted(ulong guild, string code, long at) =>
        new() { Type = IngestEventType.InviteDelete, GuildId = guild, EventAt = at, InviteCode = code };

    public static IngestEvent InvitesSynced(ulong guild, long at) => new() { Type = IngestEventType.InviteSync, GuildId = guild, EventAt = at };

    public static IngestEvent InvitesStatus(ulong guild, string status, long at) =>
        new() { Type = IngestEventType.InvitesStatus, GuildId = guild, EventAt = at, InvitesStatus = status };

    /// <summary>The join at <paramref name="joinedAt"/> came through <paramref name="code"/> (null: unknown).</summary>
    public static IngestEvent Attributed(ulong guild, ulong user, string? code, long joinedAt) =>
        new() { Type = IngestEventType.JoinAttributed, GuildId = guild, UserId = user, EventAt = joinedAt, InviteCode = code };
}
