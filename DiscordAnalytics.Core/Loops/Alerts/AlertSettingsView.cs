using System.Globalization;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>A guild's alert settings as the API and Settings show them (ids as strings), with how the last post went.</summary>
public sealed record AlertSettingsView(
    bool Enabled,
    string? ChannelId,
    string? MentionRoleId,
    bool UnansweredEnabled,
    int UnansweredHours,
    bool BacklogEnabled,
    int BacklogThreshold,
    bool DropEnabled,
    int DropPercent,
    int DropDays,
    int? QuietStartHour,
    int? QuietEndHour,
    AlertsStatus Status,
    string? StatusMessage,
    long? StatusAt)
{
    /// <summary>The settings of a guild that has none: everything off, the defaults filled in.</summary>
    public static AlertSettingsView Default { get; } = Of(new AlertSettings());

    public static AlertSettingsView Of(AlertSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new AlertSettingsView(
            s.Enabled, Id(s.ChannelId), Id(s.MentionRoleId), s.UnansweredEnabled, s.UnansweredHours, s.BacklogEnabled, s.BacklogThreshold,
            s.DropEnabled, s.DropPercent, s.DropDays, s.QuietStartHour, s.QuietEndHour, s.Status, s.StatusMessage, s.StatusAt);
    }

    private static string? Id(long? id) => id?.ToString(CultureInfo.InvariantCulture);
}
