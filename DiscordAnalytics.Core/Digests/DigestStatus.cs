using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Digests;

/// <summary>Where a digest stands (<c>digests.status</c>, and the API's <c>status</c>: the lowercase names below).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DigestStatus>))]
public enum DigestStatus
{
    /// <summary>Nothing posted yet; the Markdown can be edited.</summary>
    [JsonStringEnumMemberName("draft")]
    Draft,

    /// <summary>Some parts are posted and a failure stopped the rest; posting again continues with the next part.</summary>
    [JsonStringEnumMemberName("partial")]
    Partial,

    /// <summary>Every part is posted; posting again does nothing.</summary>
    [JsonStringEnumMemberName("posted")]
    Posted,
}
