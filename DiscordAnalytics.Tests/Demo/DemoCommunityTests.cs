using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Demo;

public sealed class DemoCommunityTests
{
    [Fact]
    public void Create_AnySeed_HasAtLeast30ChannelsOfEveryKind()
    {
        var community = DemoCommunity.Create(42);
        var types = community.Channels.Select(c => c.Type).ToList();

        Assert.True(community.Channels.Count(c => c.Type != 4) >= 30);
        Assert.Contains(4, types);
        Assert.Contains(5, types);
        Assert.Contains(2, types);
        Assert.Contains(community.Channels, c => c.Type == ChannelTypes.Forum && c.Name == "help-forum");
    }

    [Fact]
    public void Create_AnySeed_ChannelsSitInCategories()
    {
        var community = DemoCommunity.Create(42);
        var categories = community.Channels.Where(c => c.Type == 4).Select(c => c.Id).ToHashSet();

        Assert.All(community.Channels.Where(c => c.Type != 4), c => Assert.Contains(c.ParentId!.Value, categories));
        Assert.Equal(community.Channels.Count, community.Channels.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Create_AnySeed_HasAbout500NamedMembersAndAFewBots()
    {
        var community = DemoCommunity.Create(42);

        Assert.InRange(community.Members.Count, 450, 550);
        Assert.InRange(community.Members.Count(m => m.IsBot), 2, 5);
        Assert.Equal(community.Members.Count, community.Members.Select(m => m.Id).Distinct().Count());
        Assert.Equal(community.Members.Count, community.Members.Select(m => m.Name).Distinct().Count());
    }

    [Fact]
    public void Create_SameSeed_SameCommunity()
    {
        var first = DemoCommunity.Create(3);
        var second = DemoCommunity.Create(3);

        Assert.Equal(first.GuildId, second.GuildId);
        Assert.Equal(first.Channels, second.Channels);
        Assert.Equal(first.Members.Select(m => (m.Id, m.Name)), second.Members.Select(m => (m.Id, m.Name)));
    }

    [Fact]
    public void Create_GuildId_IsASnowflakeOfItsCreationTime()
    {
        var community = DemoCommunity.Create(42);

        Assert.Equal(community.GuildCreatedAt, Snowflake.ToUnixMs(community.GuildId));
        Assert.False(string.IsNullOrWhiteSpace(community.GuildName));
    }

    [Fact]
    public void GenerateEvents_Count_ExactlyThatManyValidEventsMetadataFirst()
    {
        var events = DemoCommunity.Create(42).GenerateEvents(20_000).ToList();

        Assert.Equal(20_000, events.Count);
        Assert.Equal(IngestEventType.GuildUpsert, events[0].Type);
        Assert.All(events, e => Assert.Null(e.Validate()));
        Assert.Equal(events.Count, events.Select(e => (e.Type, e.EventId)).Distinct().Count());
    }
}
