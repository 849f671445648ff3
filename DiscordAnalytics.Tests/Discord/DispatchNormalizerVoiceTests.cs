using System.Text.Json;
using System.Text.Json.Nodes;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>Voice dispatches (fixtures shaped like Discord's documentation) as typed voice events, timed by their receipt.</summary>
public sealed class DispatchNormalizerVoiceTests
{
    private const ulong GuildId = 849255963033600000;
    private const ulong Lounge = 849255963033600004;
    private const ulong Alice = 309029033213952000;
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-03-14T16:00:00Z");
    private readonly DispatchNormalizer _normalizer = new(new FakeTimeProvider(Now), NullLogger<DispatchNormalizer>.Instance);

    [Fact]
    public void Normalize_VoiceStateUpdate_MemberChannelMutedAndReceiveTime()
    {
        var state = Assert.Single(Normalize("70_voice_state_update.json"));

        Assert.Equal(IngestEventType.VoiceState, state.Type);
        Assert.Equal((GuildId, Alice, Lounge), (state.GuildId, state.UserId!.Value, state.ChannelId!.Value));
        Assert.True(state.Muted);
        Assert.False(state.IsBot);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), state.EventAt);
    }

    [Fact]
    public void Normalize_VoiceStateUpdateWithoutChannel_LeftVoice()
    {
        var state = Assert.Single(Normalize("71_voice_state_update_left.json"));

        Assert.Null(state.ChannelId);
        Assert.False(state.Muted);
    }

    [Theory]
    [InlineData("mute")]
    [InlineData("deaf")]
    [InlineData("self_deaf")]
    [InlineData("suppress")]
    public void Normalize_ServerMutedDeafenedOrStageListener_CountsAsMuted(string flag)
    {
        var data = Mutate("71_voice_state_update_left.json", d =>
        {
            d["channel_id"] = Lounge.ToString();
            d[flag] = true;
        });

        Assert.True(Assert.Single(_normalizer.Normalize("VOICE_STATE_UPDATE", data)).Muted);
    }

    [Fact]
    public void Normalize_GuildCreateWithVoiceStatesAndAfkChannel_SyncFirstThenEachState()
    {
        var data = Mutate("12_guild_create.json", d =>
        {
            d["afk_channel_id"] = "849255963033600009";
            d["voice_states"] = new JsonArray(
                new JsonObject { ["channel_id"] = Lounge.ToString(), ["user_id"] = Alice.ToString(), ["self_mute"] = false, ["mute"] = false, ["deaf"] = false, ["self_deaf"] = false, ["suppress"] = false });
        });

        var events = _normalizer.Normalize("GUILD_CREATE", data);

        Assert.Equal(849255963033600009UL, events.Single(e => e.Type == IngestEventType.GuildUpsert).AfkChannelId);
        var voice = events.Where(e => e.Type is IngestEventType.VoiceSync or IngestEventType.VoiceState).ToList();
        Assert.Equal([IngestEventType.VoiceSync, IngestEventType.VoiceState], voice.Select(e => e.Type));
        Assert.Equal((GuildId, Alice, Lounge), (voice[1].GuildId, voice[1].UserId!.Value, voice[1].ChannelId!.Value));
        Assert.Equal(voice[0].EventAt, voice[1].EventAt);
    }

    [Fact]
    public void Normalize_GuildUpdateWithoutAfkChannel_SaysNoneAndNoSync()
    {
        var data = Mutate("12_guild_create.json", d =>
        {
            d["afk_channel_id"] = null;
            d.Remove("voice_states");
        });

        var events = _normalizer.Normalize("GUILD_UPDATE", data);

        Assert.Equal(0UL, events.Single(e => e.Type == IngestEventType.GuildUpsert).AfkChannelId);
        Assert.DoesNotContain(events, e => e.Type == IngestEventType.VoiceSync);
    }

    private IReadOnlyList<IngestEvent> Normalize(string fixture) =>
        _normalizer.Normalize(DiscordFixtures.EventName(fixture), DiscordFixtures.Data(fixture));

    private static JsonElement Mutate(string fixture, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(DiscordFixtures.DataJson(fixture))!.AsObject();
        change(node);
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
