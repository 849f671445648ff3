using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// Who asked for a run other than the owner (<c>backfillRuns.kind</c>). A run the owner asked for (settings page, API)
/// has no kind (null), as every run before gap repair existed.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<BackfillRunKind>))]
public enum BackfillRunKind
{
    /// <summary>A gap repair: the app imports what happened while it was down.</summary>
    [JsonStringEnumMemberName("gap")]
    GapRepair,
}
