using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>How a guild's last alert post went (<c>alertSettings.status</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertsStatus>))]
public enum AlertsStatus
{
    /// <summary>Nothing posted since the alerts were switched on.</summary>
    [JsonStringEnumMemberName("new")]
    New,

    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>Discord could not be reached or failed (5xx); the next run tries again.</summary>
    [JsonStringEnumMemberName("failing")]
    Failing,

    /// <summary>
    /// Discord refused for good (403: no Send Messages in the channel; 404: the channel is gone; 401: the token). The
    /// alerts were switched off and stay off until the owner switches them on again.
    /// </summary>
    [JsonStringEnumMemberName("paused")]
    Paused,
}
