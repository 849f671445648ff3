using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Discord;

public sealed class DispatchNormalizerTests
{
    private const ulong GuildId = 849255963033600000;
    private const ulong General = 849255963033600003;
    private const ulong ForumPost = 1350126498291515401;
    private const ulong HelpForum = 1026931713638400000;
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-03-14T16:00:00Z");

    private readonly CapturingLoggerProvider _logs = new();
    private readonly DispatchNormalizer _normalizer;

    public DispatchNormalizerTests()
    {
        _normalizer = new DispatchNormalizer(new FakeTimeProvider(Now), new Logger<DispatchNormalizer>(LoggerFactory.Create(b => b.AddProvider(_logs))));
    }

    public static TheoryData<string, string> EveryDispatchFixture()
    {
        // The expected event types per fixture, in order.
        var expected = new Dictionary<string, string>
        {
            ["10_ready.json"] = "",
            ["11_resumed.json"] = "",
            ["12_guild_create.json"] = "GuildUpsert ChannelUpsert ChannelUpsert ChannelUpsert ChannelUpsert ChannelUpsert ChannelUpsert ChannelUpsert RoleUpsert RoleSync MemberUpsert VoiceSync",
            ["20_message_create_default.json"] = "MemberUpsert MessageCreate",
            ["21_message_create_reply.json"] = "MemberUpsert MessageCreate",
            ["22_message_create_bot_embed.json"] = "MemberUpsert MessageCreate",
            ["23_message_create_webhook.json"] = "MessageCreate",
            ["30_thread_create_forum_post.json"] = "ThreadCreate",
            ["31_message_create_forum_starter.json"] = "MemberUpsert MessageCreate",
            ["32_thread_update_archived.json"] = "ChannelUpsert",
            ["33_thread_delete.json"] = "ChannelUpsert",
            ["34_channel_create.json"] = "ChannelUpsert",
            ["40_message_update_edit.json"] = "MessageUpdate",
            ["41_message_update_partial_legacy.json"] = "",
            ["42_message_delete.json"] = "MessageDelete",
            ["43_message_delete_bulk.json"] = "MessageDelete MessageDelete MessageDelete",
            ["50_message_reaction_add_unicode.json"] = "ReactionAdd MemberUpsert",
            ["51_message_reaction_add_custom_burst_in_thread.json"] = "ReactionAdd MemberUpsert",
            ["52_message_reaction_remove.json"] = "ReactionRemove",
            ["53_message_reaction_remove_all.json"] = "ReactionRemoveAll",
            ["54_message_reaction_remove_emoji.json"] = "ReactionRemoveEmoji",
            ["60_guild_member_add.json"] = "MemberAdd",
            ["61_guild_member_remove.json"] = "MemberRemove",
            ["62_guild_member_update.json"] = "MemberUpsert",
            ["70_voice_state_update.json"] = "VoiceState",
            ["71_voice_state_update_left.json"] = "VoiceState",
        };
        var data = new TheoryData<string, string>();
        foreach (var name in DiscordFixtures.DispatchFixtureNames())
        {
            // A new fixture without an expectation fails here, on purpose.
            data.Add(name, expected[name]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryDispatchFixture))]
    public void Normalize_EveryDispatchFixture_YieldsExpectedValidEventsInGuild(string fixture, string expectedTypes)
    {
        var events = Normalize(fixture);

        Assert.Equal(expectedTypes, string.Join(" ", events.Select(e => e.Type)));
        Assert.All(events, e => Assert.Null(e.Validate()));
        Assert.All(events, e => Assert.Equal(GuildId, e.GuildId));
        Assert.DoesNotContain(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_MessageCreate_MessageAtItsTimestampWithExcerptAndAuthorNick()
    {
        var events = Normalize("20_message_create_default.json");

        var message = Assert.Single(events, e => e.Type == IngestEventType.MessageCreate);
        Assert.Equal(1350123667996147723UL, message.MessageId);
        Assert.Equal(General, message.ChannelId);
        Assert.Equal(309029033213952000UL, message.UserId);
        Assert.Equal(DateTimeOffset.Parse("2025-03-14T15:09:26.535Z").ToUnixTimeMilliseconds(), message.EventAt);
        Assert.False(message.IsBot);
        Assert.StartsWith("Deploy went out", message.Excerpt);
        var author = Assert.Single(events, e => e.Type == IngestEventType.MemberUpsert);
        Assert.Equal("Ali", author.Name);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), author.EventAt);
    }

    [Fact]
    public void Normalize_Reply_CarriesReferencedMessageAndGlobalName()
    {
        var events = Normalize("21_message_create_reply.json");

        Assert.Equal(1350123667996147723UL, Assert.Single(events, e => e.Type == IngestEventType.MessageCreate).ReferencedMessageId);
        Assert.Equal("Bob", Assert.Single(events, e => e.Type == IngestEventType.MemberUpsert).Name);
    }

    [Fact]
    public void Normalize_BotWithEmptyContent_MarkedBotWithoutExcerpt()
    {
        var message = Assert.Single(Normalize("22_message_create_bot_embed.json"), e => e.Type == IngestEventType.MessageCreate);

        Assert.True(message.IsBot);
        Assert.Null(message.Excerpt);
    }

    [Fact]
    public void Normalize_WebhookMessage_MarkedBotAndNoMemberUpsert()
    {
        var message = Assert.Single(Normalize("23_message_create_webhook.json"));

        Assert.Equal(IngestEventType.MessageCreate, message.Type);
        Assert.True(message.IsBot);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(18)]
    [InlineData(21)]
    [InlineData(46)]
    public void Normalize_SystemMessageType_IsNotAChatMessage(int type)
    {
        var data = Mutate("20_message_create_default.json", d => d["type"] = type);

        Assert.DoesNotContain(_normalizer.Normalize("MESSAGE_CREATE", data), e => e.Type == IngestEventType.MessageCreate);
    }

    [Theory]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(23)]
    public void Normalize_ChatMessageType_IsAChatMessage(int type)
    {
        var data = Mutate("20_message_create_default.json", d => d["type"] = type);

        Assert.Contains(_normalizer.Normalize("MESSAGE_CREATE", data), e => e.Type == IngestEventType.MessageCreate);
    }

    [Fact]
    public void Normalize_LongContent_ExcerptCutTo280WithoutSplittingASurrogatePair()
    {
        var content = new string('a', 279) + "🔥🔥";
        var data = Mutate("20_message_create_default.json", d => d["content"] = content);

        var excerpt = Assert.Single(_normalizer.Normalize("MESSAGE_CREATE", data), e => e.Type == IngestEventType.MessageCreate).Excerpt!;

        Assert.True(excerpt.Length <= IngestEvent.MaxExcerptLength);
        Assert.False(char.IsHighSurrogate(excerpt[^1]));
    }

    [Fact]
    public void Normalize_ThreadCreateForumPost_ThreadWithParentNameAndOwner()
    {
        var thread = Assert.Single(Normalize("30_thread_create_forum_post.json"));

        Assert.Equal(IngestEventType.ThreadCreate, thread.Type);
        Assert.Equal(ForumPost, thread.ChannelId);
        Assert.Equal(HelpForum, thread.ParentId);
        Assert.Equal("Gateway keeps closing with 4014", thread.Name);
        Assert.Equal(1323395874553856000UL, thread.UserId);
        Assert.Equal(ChannelTypes.PublicThread, thread.ChannelType);
    }

    [Fact]
    public void Normalize_ThreadCreateNotNew_OnlyChannelUpsertWithParent()
    {
        var data = Mutate("30_thread_create_forum_post.json", d => d.Remove("newly_created"));

        var upsert = Assert.Single(_normalizer.Normalize("THREAD_CREATE", data));

        Assert.Equal(IngestEventType.ChannelUpsert, upsert.Type);
        Assert.Equal(HelpForum, upsert.ParentId);
    }

    [Fact]
    public void Normalize_MessageInThread_KeepsThreadIdAsChannel_ThreadEventsCarryParent()
    {
        var message = Assert.Single(Normalize("31_message_create_forum_starter.json"), e => e.Type == IngestEventType.MessageCreate);
        var reaction = Assert.Single(Normalize("51_message_reaction_add_custom_burst_in_thread.json"), e => e.Type == IngestEventType.ReactionAdd);

        Assert.Equal(ForumPost, message.ChannelId);
        Assert.Equal(ForumPost, reaction.ChannelId);
        Assert.Equal(HelpForum, Assert.Single(Normalize("30_thread_create_forum_post.json")).ParentId);
        Assert.Equal(General, Assert.Single(Normalize("32_thread_update_archived.json")).ParentId);
        Assert.Equal(General, Assert.Single(Normalize("33_thread_delete.json")).ParentId);
        var guildThreads = Normalize("12_guild_create.json").Where(e => e.ChannelType == ChannelTypes.PublicThread).ToList();
        Assert.Equal(2, guildThreads.Count);
        Assert.All(guildThreads, t => Assert.NotNull(t.ParentId));
    }

    [Fact]
    public void Normalize_GuildCreate_GuildNameChannelsWithTypeAndParentAndMembers()
    {
        var events = Normalize("12_guild_create.json");

        Assert.Equal("Pulse Test Server", Assert.Single(events, e => e.Type == IngestEventType.GuildUpsert).Name);
        var general = Assert.Single(events, e => e.ChannelId == General);
        Assert.Equal("general", general.Name);
        Assert.Equal(ChannelTypes.Text, general.ChannelType);
        Assert.Equal(849255963033600002UL, general.ParentId);
        var bot = Assert.Single(events, e => e.Type == IngestEventType.MemberUpsert);
        Assert.True(bot.IsBot);
        Assert.Equal("pulse-analytics", bot.Name);
    }

    [Fact]
    public void Normalize_UnavailableGuild_YieldsNothing()
    {
        using var document = JsonDocument.Parse("""{"id":"849255963033600000","unavailable":true}""");

        Assert.Empty(_normalizer.Normalize("GUILD_CREATE", document.RootElement));
    }

    [Fact]
    public void Normalize_FullMessageUpdate_EditWithEditedAtAndExcerpt()
    {
        var update = Assert.Single(Normalize("40_message_update_edit.json"));

        Assert.Equal(IngestEventType.MessageUpdate, update.Type);
        Assert.Equal(DateTimeOffset.Parse("2025-03-14T15:13:05.771Z").ToUnixTimeMilliseconds(), update.EditedAt);
        Assert.StartsWith("Deploy v2.14", update.Excerpt);
    }

    [Fact]
    public void Normalize_PartialMessageUpdateWithoutContent_YieldsNothingSoContentIsNeverWiped()
    {
        Assert.Empty(Normalize("41_message_update_partial_legacy.json"));
    }

    [Fact]
    public void Normalize_BulkDelete_OneDeletePerId()
    {
        var deletes = Normalize("43_message_delete_bulk.json");

        Assert.Equal([1350120827257094144UL, 1350120803139715076UL, 1350120788459651073UL], deletes.Select(d => d.MessageId!.Value));
        Assert.All(deletes, d => Assert.Equal(General, d.ChannelId));
    }

    [Fact]
    public void Normalize_ReactionOnUnknownMessage_CarriesChannelAndMessageForAttribution()
    {
        // Never seen message: ingestion attributes it to the channel and the id's creation day.
        const ulong unseen = 1300000000000000000;
        var data = Mutate("50_message_reaction_add_unicode.json", d => d["message_id"] = unseen.ToString());

        var reaction = Assert.Single(_normalizer.Normalize("MESSAGE_REACTION_ADD", data), e => e.Type == IngestEventType.ReactionAdd);

        Assert.Equal(unseen, reaction.MessageId);
        Assert.Equal(General, reaction.ChannelId);
        Assert.Equal(646617023643648000UL, reaction.UserId);
        Assert.Equal("🔥", reaction.Emoji);
        Assert.True(Snowflake.ToUnixMs(unseen) > Snowflake.DiscordEpochMs);
    }

    [Fact]
    public void Normalize_CustomAndDeletedEmoji_KeyedNameColonIdOrColonId()
    {
        Assert.Equal("partyblob:934447310438400000", Assert.Single(Normalize("51_message_reaction_add_custom_burst_in_thread.json"), e => e.Type == IngestEventType.ReactionAdd).Emoji);
        Assert.Equal("partyblob:934447310438400000", Assert.Single(Normalize("54_message_reaction_remove_emoji.json")).Emoji);
        var deleted = Mutate("52_message_reaction_remove.json", d => d["emoji"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "934447310438400000", ["name"] = null });

        Assert.Equal(":934447310438400000", Assert.Single(_normalizer.Normalize("MESSAGE_REACTION_REMOVE", deleted)).Emoji);
    }

    [Fact]
    public void Normalize_MemberEvents_NamesAndJoinTime()
    {
        var add = Assert.Single(Normalize("60_guild_member_add.json"));
        var update = Assert.Single(Normalize("62_guild_member_update.json"));
        var remove = Assert.Single(Normalize("61_guild_member_remove.json"));

        Assert.Equal("Carol", add.Name);
        Assert.Equal(DateTimeOffset.Parse("2025-03-14T15:03:55.402Z").ToUnixTimeMilliseconds(), add.EventAt);
        Assert.Equal("carol (mod)", update.Name);
        Assert.Equal(646617023643648000UL, remove.UserId);
        // Receive time: the clock's now, nudged forward a millisecond per dispatch so keys never collide.
        Assert.InRange(remove.EventAt, Now.ToUnixTimeMilliseconds(), Now.ToUnixTimeMilliseconds() + 3);
    }

    [Fact]
    public void Normalize_UnknownDispatch_YieldsNothingWithoutLogging()
    {
        using var document = JsonDocument.Parse("""{"foo":1}""");

        Assert.Empty(_normalizer.Normalize("PRESENCE_UPDATE", document.RootElement));
        Assert.Empty(_logs.Lines);
    }

    [Theory]
    [InlineData("MESSAGE_CREATE", "[]")]
    [InlineData("MESSAGE_CREATE", "null")]
    [InlineData("MESSAGE_CREATE", """{"id":5,"author":"x","type":"zero","timestamp":12}""")]
    [InlineData("MESSAGE_DELETE_BULK", """{"ids":"x","guild_id":"849255963033600000"}""")]
    [InlineData("GUILD_CREATE", """{"id":"849255963033600000","name":"x","channels":{"a":1},"members":[1,2]}""")]
    [InlineData("MESSAGE_REACTION_ADD", """{"emoji":[],"member":"x","guild_id":"849255963033600000"}""")]
    [InlineData("GUILD_MEMBER_ADD", """{"guild_id":"849255963033600000","user":7}""")]
    public void Normalize_MalformedPayload_NeverThrowsAndYieldsOnlyValidEvents(string eventName, string json)
    {
        using var document = JsonDocument.Parse(json);

        var events = _normalizer.Normalize(eventName, document.RootElement);

        Assert.All(events, e => Assert.Null(e.Validate()));
    }

    [Fact]
    public void NormalizeChannel_RestChannelFromEmulatorShape_ChannelUpsertInGuild()
    {
        var channel = DiscordFixtures.Data("34_channel_create.json");

        var upsert = Assert.Single(_normalizer.NormalizeChannel(GuildId, channel, Now.ToUnixTimeMilliseconds()));

        Assert.Equal("incident-482", upsert.Name);
    }

    [Fact]
    public void Normalize_SameReactionAddedRemovedAndAddedInOneMillisecond_GivesThreeDistinctEventIds()
    {
        var add = DiscordFixtures.Data("50_message_reaction_add_unicode.json");
        var remove = DiscordFixtures.Data("52_message_reaction_remove.json");

        var ids = new[] { add, remove, add }
            .Select((data, i) => _normalizer.Normalize(i == 1 ? "MESSAGE_REACTION_REMOVE" : "MESSAGE_REACTION_ADD", data)
                .Single(e => e.Type is IngestEventType.ReactionAdd or IngestEventType.ReactionRemove))
            .Select(e => (e.Type, e.EventId))
            .ToList();

        // The clock did not move (FakeTimeProvider), yet the re-add must not be taken for the first add.
        Assert.Equal(3, ids.Distinct().Count());
        Assert.NotEqual(ids[0].EventId, ids[2].EventId);
    }

    private IReadOnlyList<IngestEvent> Normalize(string fixture) =>
        _normalizer.Normalize(DiscordFixtures.EventName(fixture), DiscordFixtures.Data(fixture));

    [Fact]
    public async Task Normalize_LeaveOfTheSameMemberAtTheSameTimeAfterARestart_IsANewLeave()
    {
        // A restarted process can hand out a receive time the previous one already used (it ran ahead in
        // a burst); the leave is a different one (the member rejoined between) and must not be taken for a duplicate.
        var before = new DispatchNormalizer(new FakeTimeProvider(Now), NullLogger<DispatchNormalizer>.Instance);
        var after = new DispatchNormalizer(new FakeTimeProvider(Now), NullLogger<DispatchNormalizer>.Instance);
        var at = Now.ToUnixTimeMilliseconds();

        var first = Assert.Single(before.Normalize("GUILD_MEMBER_REMOVE", DiscordFixtures.Data("61_guild_member_remove.json"), at));
        var second = Assert.Single(after.Normalize("GUILD_MEMBER_REMOVE", DiscordFixtures.Data("61_guild_member_remove.json"), at));

        Assert.Equal((first.UserId, first.EventAt), (second.UserId, second.EventAt));
        Assert.NotEqual(first.EventId, second.EventId);
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using (var writer = new IngestionBatchWriter(store.ConnectionString, GuildMode.Live, NullLogger.Instance))
        {
            await writer.WriteAsync([first], CancellationToken.None);
            await writer.WriteAsync([new IngestEvent { Type = IngestEventType.MemberAdd, GuildId = first.GuildId, UserId = first.UserId, EventAt = at - 1 }], CancellationToken.None);
            await writer.WriteAsync([second], CancellationToken.None);
        }

        await using var db = store.NewContext();
        Assert.Equal(2, db.GuildDailyRollups.Sum(r => r.Leaves));
    }

    private static JsonElement Mutate(string fixture, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(DiscordFixtures.DataJson(fixture))!.AsObject();
        change(node);
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
