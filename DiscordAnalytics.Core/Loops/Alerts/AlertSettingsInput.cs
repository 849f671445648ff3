namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>A guild's alert settings as the owner sets them (the PUT body, the Settings panel).</summary>
public sealed record AlertSettingsInput(
    bool Enabled,
    long? ChannelId,
    long? MentionRoleId,
    bool UnansweredEnabled,
    int UnansweredHours,
    bool BacklogEnabled,
    int BacklogThreshold,
    bool DropEnabled,
    int DropPercent,
    int DropDays,
    int? QuietStartHour,
    int? QuietEndHour);
