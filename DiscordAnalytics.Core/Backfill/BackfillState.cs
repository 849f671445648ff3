using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>States of a run (<c>backfillRuns.state</c>, and the API's <c>state</c>: the lowercase names below).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BackfillState>))]
public enum BackfillState
{
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("paused")]
    Paused,

    [JsonStringEnumMemberName("cancelled")]
    Cancelled,

    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
