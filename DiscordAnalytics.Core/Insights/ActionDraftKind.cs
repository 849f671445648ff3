using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Insights;

[JsonConverter(typeof(JsonStringEnumConverter<ActionDraftKind>))]
public enum ActionDraftKind
{
    Announcement,
    WeeklyChallenge,
    OfficeHours,
}
