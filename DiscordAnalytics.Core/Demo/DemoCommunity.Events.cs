using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>The events the demo's history (<see cref="DemoDay"/>) and its live stream (<see cref="DemoLiveSimulator"/>) both emit, built one way.</summary>
public sealed partial class DemoCommunity
{
    /// <summary>A message by <paramref name="author"/> (a chat post, a forum post's starter).</summary>
    internal IngestEvent MessageCreated(long at, ulong channelId, ulong messageId, DemoMember author, string excerpt, ulong? replyTo)
    {
        var typed = author.IsBot ? excerpt : DemoText.Clip(DemoEmoji.TypedInto(messageId, excerpt, CustomEmojis));
        return new()
        {
            Type = IngestEventType.MessageCreate,
            GuildId = GuildId,
            EventAt = at,
            ChannelId = channelId,
            MessageId = messageId,
            UserId = author.Id,
            IsBot = author.IsBot,
            Excerpt = typed,
            Shape = DemoMessageShape.For(messageId, typed, replyTo is not null),
            ReferencedMessageId = replyTo,
        };
    }

    /// <summary>An author's edit of their message, stamped with its edit time; the excerpt gains the demo's edit mark.</summary>
    internal IngestEvent MessageEdited(long at, ulong channelId, ulong messageId, DemoMember author, string excerpt) => new()
    {
        Type = IngestEventType.MessageUpdate,
        GuildId = GuildId,
        EventAt = at,
        ChannelId = channelId,
        MessageId = messageId,
        UserId = author.Id,
        EditedAt = at,
        Excerpt = DemoText.Edited(excerpt),
    };

    internal IngestEvent MessageDeleted(long at, ulong channelId, ulong messageId) => new()
    {
        Type = IngestEventType.MessageDelete,
        GuildId = GuildId,
        EventAt = at,
        ChannelId = channelId,
        MessageId = messageId,
    };

    internal IngestEvent ThreadCreated(long at, ulong threadId, ulong parentId, string name, DemoMember owner) => new()
    {
        Type = IngestEventType.ThreadCreate,
        GuildId = GuildId,
        EventAt = at,
        ChannelId = threadId,
        ParentId = parentId,
        Name = name,
        ChannelType = ChannelTypes.PublicThread,
        UserId = owner.Id,
        IsBot = owner.IsBot,
    };

    /// <summary>A joiner's name, then the join itself.</summary>
    internal IEnumerable<IngestEvent> Joined(long at, DemoMember member)
    {
        yield return new IngestEvent { Type = IngestEventType.MemberUpsert, GuildId = GuildId, EventAt = at, UserId = member.Id, Name = member.Name };
        yield return new IngestEvent { Type = IngestEventType.MemberAdd, GuildId = GuildId, EventAt = at, UserId = member.Id, Name = member.Name, RoleIds = RolesOf(member, at, at) };
    }

    internal IngestEvent Left(long at, ulong memberId) =>
        new() { Type = IngestEventType.MemberRemove, GuildId = GuildId, EventAt = at, UserId = memberId };

    /// <summary>Where <paramref name="member"/> is in voice from <paramref name="at"/> on: a channel (heard or muted), or null once they left.</summary>
    internal IngestEvent VoiceState(long at, DemoMember member, ulong? channelId, bool muted = false) =>
        new() { Type = IngestEventType.VoiceState, GuildId = GuildId, EventAt = at, UserId = member.Id, ChannelId = channelId, Muted = muted };
}
