using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>INVITE_CREATE, INVITE_DELETE and the REST invite and vanity objects as invite events, timed by their receipt.</summary>
public sealed class DispatchNormalizerInviteTests
{
    private const ulong GuildId = 849255963033600000;
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-03-14T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly DispatchNormalizer _normalizer = new(new FakeTimeProvider(Now), NullLogger<DispatchNormalizer>.Instance);

    [Fact]
    public void Normalize_InviteCreateWithMaxAge_CodeInviterChannelAndExpiry()
    {
        var created = Assert.Single(_normalizer.Normalize("INVITE_CREATE", Parse("""
            {"channel_id":"849255963033600001","code":"tutorial","created_at":"2025-03-14T15:00:00.000000+00:00","guild_id":"849255963033600000",
             "inviter":{"id":"309029033213952000","username":"alice"},"max_age":86400,"max_uses":25,"temporary":false,"uses":0}
            """)));

        Assert.Equal((IngestEventType.InviteUpsert, GuildId, Now.ToUnixTimeMilliseconds()), (created.Type, created.GuildId, created.EventAt));
        var expires = DateTimeOffset.Parse("2025-03-15T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        Assert.Equal(new InviteFact("tutorial", 309029033213952000, 849255963033600001, 0, 25, expires, false), created.Invite);
    }

    [Fact]
    public void Normalize_InviteDelete_Code()
    {
        var deleted = Assert.Single(_normalizer.Normalize("INVITE_DELETE", Parse("""{"channel_id":"849255963033600001","guild_id":"849255963033600000","code":"partner"}""")));

        Assert.Equal((IngestEventType.InviteDelete, "partner"), (deleted.Type, deleted.InviteCode));
    }

    [Fact]
    public void NormalizeInviteAndVanity_RestObjects_UsesAndNoVanityWhenCodeNull()
    {
        var invite = Assert.Single(_normalizer.NormalizeInvite(GuildId, Parse("""
            {"code":"partner","guild":{"id":"849255963033600000"},"channel":{"id":"849255963033600001"},"inviter":{"id":"646617023643648000"},
             "uses":12,"max_uses":0,"max_age":0,"expires_at":null,"created_at":"2025-03-01T10:00:00.000000+00:00"}
            """), 1_741_968_000_000));
        var vanity = Assert.Single(_normalizer.NormalizeVanityUrl(GuildId, Parse("""{"code":"candlestick","uses":7}"""), 1_741_968_000_000));

        Assert.Equal(new InviteFact("partner", 646617023643648000, 849255963033600001, 12, 0, null, false), invite.Invite);
        Assert.Equal(new InviteFact("candlestick", null, null, 7, 0, null, true), vanity.Invite);
        Assert.Empty(_normalizer.NormalizeVanityUrl(GuildId, Parse("""{"code":null,"uses":0}"""), 1_741_968_000_000));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
