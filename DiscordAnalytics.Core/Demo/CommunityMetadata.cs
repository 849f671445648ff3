using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// The upserts a generated community (the demo, the benchmark's large one) opens a fresh store with: the guild, then
/// its channels, stamped with one time, so names and channel kinds are known before the first message.
/// </summary>
internal static class CommunityMetadata
{
    public static IEnumerable<IngestEvent> GuildAndChannels(ulong guildId, string guildName, long at,
        IEnumerable<(ulong Id, string Name, int Type, ulong? ParentId)> channels)
    {
        yield return new IngestEvent { Type = IngestEventType.GuildUpsert, GuildId = guildId, EventAt = at, Name = guildName };
        foreach (var channel in channels)
        {
            yield return new IngestEvent
            {
                Type = IngestEventType.ChannelUpsert,
                GuildId = guildId,
                EventAt = at,
                ChannelId = channel.Id,
                Name = channel.Name,
                ChannelType = channel.Type,
                ParentId = channel.ParentId,
            };
        }
    }

    public static IngestEvent Member(ulong guildId, long at, ulong userId, string name, bool isBot = false) =>
        new() { Type = IngestEventType.MemberUpsert, GuildId = guildId, EventAt = at, UserId = userId, Name = name, IsBot = isBot };
}
