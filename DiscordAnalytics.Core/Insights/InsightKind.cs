using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Insights;

[JsonConverter(typeof(JsonStringEnumConverter<InsightKind>))]
public enum InsightKind
{
    /// <summary>A headline number moved against the previous window.</summary>
    Mover,

    /// <summary>A channel with a low share of the window's messages.</summary>
    QuietChannel,

    /// <summary>The most active member.</summary>
    TopMember,

    /// <summary>Help threads without a timely answer, or how fast they are answered.</summary>
    Support,

    /// <summary>What people ask about (common keywords).</summary>
    Topics,

    /// <summary>The busiest day of the window.</summary>
    BestDay,

    /// <summary>The hour of the day (in the guild's time zone) with the most messages (summary <c>hourly</c>).</summary>
    BestHour,

    /// <summary>A member whose messages grew most against the previous window (summary <c>risingMembers</c>).</summary>
    RisingMember,

    /// <summary>How many new members posted in their first week (summary <c>activation</c>).</summary>
    NewMembers,

    /// <summary>Time in voice and the busiest voice channel (summary <c>totals.voiceMinutes</c>, <c>topVoiceChannels</c>); only when there was voice.</summary>
    Voice,

    /// <summary>Anything else a model noticed (model-written insights whose kind is none of the above).</summary>
    Other,
}
