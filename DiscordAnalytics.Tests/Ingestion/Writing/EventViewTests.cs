using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Tests.Ingestion.Writing;

/// <summary>The typed view of an event: made only of a complete event, carrying what the store keeps of it.</summary>
public sealed class EventViewTests
{
    private static readonly long T0 = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly ulong Message = Snowflake.FromUnixMs(T0);

    [Fact]
    public void From_CreateWithoutAuthor_RefusesToTypeIt()
    {
        var incomplete = new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = 1, EventAt = T0, MessageId = Message, ChannelId = 6 };

        var error = Assert.Throws<IncompleteEventException>(() => MessageCreated.From(incomplete));

        Assert.Equal("author id missing", incomplete.Validate());
        Assert.Contains("message_create", error.Message);
    }

    [Fact]
    public void From_CompleteCreate_CarriesItsExcerptAsStored()
    {
        var e = new IngestEvent
        {
            Type = IngestEventType.MessageCreate,
            GuildId = 1,
            EventAt = T0,
            MessageId = Message,
            ChannelId = 6,
            UserId = 7,
            Excerpt = new string('x', IngestEvent.MaxExcerptLength + 20),
            ReferencedMessageId = 3,
        };

        var created = MessageCreated.From(e);

        Assert.Null(e.Validate());
        Assert.Equal(
            new MessageCreated(1, (long)Message, 6, 7, false, T0, new string('x', IngestEvent.MaxExcerptLength), 3, null),
            created);
        Assert.Null(MessageCreated.From(e with { Excerpt = string.Empty }).Excerpt);
    }
}
