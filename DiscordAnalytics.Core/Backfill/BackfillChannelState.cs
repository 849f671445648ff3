using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>States of one channel within a run (<c>backfillChannels.state</c>, and the API's: the lowercase names below).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BackfillChannelState>))]
public enum BackfillChannelState
{
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("done")]
    Done,

    [JsonStringEnumMemberName("skipped")]
    Skipped,
}
