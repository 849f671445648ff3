using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>What a message carries, measured from the recorded payloads before the content is clipped to an excerpt.</summary>
public sealed class DispatchNormalizerShapeTests
{
    private readonly DispatchNormalizer _normalizer = new(new FakeTimeProvider(DateTimeOffset.Parse("2025-03-14T16:00:00Z")), NullLogger<DispatchNormalizer>.Instance);

    [Fact]
    public void Normalize_MessageWithFileLinkAndMentions_MeasuresEach()
    {
        // "Deploy went out <@user> — p95 chart attached, details: https://... <@&role>": 132 characters, one file, a user and a role.
        Assert.Equal(new MessageShape(132, Attachments: 1, Mentions: 2, HasLink: true), Created("20_message_create_default.json").Shape);
    }

    [Fact]
    public void Normalize_ReplyWithAnEmoji_CountsTheEmojiAsOneCharacterAndKeepsIt()
    {
        var reply = Created("21_message_create_reply.json");

        Assert.Equal(new MessageShape(36, Attachments: 0, Mentions: 1, HasLink: false) { Emojis = "🎉" }, reply.Shape);
        Assert.NotNull(reply.ReferencedMessageId);
    }

    [Fact]
    public void Normalize_EditWithContent_MeasuresTheEditedMessage()
    {
        var edit = Assert.Single(Normalize("40_message_update_edit.json"));

        Assert.Equal(new MessageShape(138, Attachments: 1, Mentions: 2, HasLink: true), edit.Shape);
    }

    [Fact]
    public void Normalize_LongContent_MeasuresAllOfItWhileTheExcerptIsClipped()
    {
        var content = new string('a', 1_000) + " http://late.example";

        var shape = MessageShape.Of(content, attachments: 0, mentions: 0);

        Assert.Equal(new MessageShape(1_020, 0, 0, HasLink: true), shape);
        Assert.False(MessageShape.Of("no link: https:// alone, or ftp://x", 0, 0).HasLink);
    }

    private IngestEvent Created(string fixture) => Assert.Single(Normalize(fixture), e => e.Type == IngestEventType.MessageCreate);

    private IReadOnlyList<IngestEvent> Normalize(string fixture) =>
        _normalizer.Normalize(DiscordFixtures.EventName(fixture), DiscordFixtures.Data(fixture));
}
