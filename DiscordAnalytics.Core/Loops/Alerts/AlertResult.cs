using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>Where an alert stands (<c>alertHistory.result</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertResult>))]
public enum AlertResult
{
    /// <summary>Found due and recorded; being sent (a run cut short here sends it next run, never twice: the post carries a nonce).</summary>
    [JsonStringEnumMemberName("due")]
    Due,

    /// <summary>Fell due in quiet hours: sent once they end.</summary>
    [JsonStringEnumMemberName("held")]
    Held,

    /// <summary>Posted in Discord.</summary>
    [JsonStringEnumMemberName("sent")]
    Sent,

    /// <summary>Posted in the demo community (no Discord, no network).</summary>
    [JsonStringEnumMemberName("simulated")]
    Simulated,

    /// <summary>Discord refused or failed; the message says why. Retried next run unless the alerts were paused.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>
    /// Not posted, and never will be: checked again at posting time, the thread or question was answered meanwhile (in
    /// quiet hours, or between failed attempts), is gone, or its asker opted out of statistics. The message says which.
    /// </summary>
    [JsonStringEnumMemberName("withdrawn")]
    Withdrawn,
}
