using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Discord;

/// <summary>Voice states (VOICE_STATE_UPDATE, GUILD_CREATE's <c>voice_states</c>): they carry no time, so the receive time is theirs.</summary>
public sealed partial class DispatchNormalizer
{
    private void VoiceState(JsonElement state, ulong? guildId, long receivedAt, List<IngestEvent> events)
    {
        if (state.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var member = Json.Object(state, "member");
        var user = member is { } m ? Json.Object(m, "user") : null;
        Add(events, new IngestEvent
        {
            Type = IngestEventType.VoiceState,
            GuildId = Json.Snowflake(state, "guild_id") ?? guildId ?? 0,
            EventAt = receivedAt,
            UserId = Json.Snowflake(state, "user_id"),

            // Null: the member left voice.
            ChannelId = Json.Snowflake(state, "channel_id"),
            IsBot = user is { } u && Json.Bool(u, "bot") == true,

            // Suppressed: a stage listener, in the channel but not heard.
            Muted = Json.Bool(state, "self_mute") == true || Json.Bool(state, "self_deaf") == true
                || Json.Bool(state, "mute") == true || Json.Bool(state, "deaf") == true || Json.Bool(state, "suppress") == true,
        });
    }
}
