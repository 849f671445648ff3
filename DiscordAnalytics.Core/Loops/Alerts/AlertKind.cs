using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>What an alert is about (<c>alertHistory.kind</c>, and the word in the HTTP body).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertKind>))]
public enum AlertKind
{
    /// <summary>One help thread or question without an answer for more than the set hours (alerted at most once).</summary>
    [JsonStringEnumMemberName("unanswered")]
    Unanswered,

    /// <summary>The count of such threads and questions went above the threshold (fires when crossed, re-arms below).</summary>
    [JsonStringEnumMemberName("backlog")]
    Backlog,

    /// <summary>Messages down more than the set percentage against the previous equal period (at most once a period).</summary>
    [JsonStringEnumMemberName("drop")]
    Drop,
}
