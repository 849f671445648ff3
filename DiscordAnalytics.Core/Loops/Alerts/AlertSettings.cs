namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>
/// A guild's alert settings (table <c>alertSettings</c>, one row per guild; no row = off): where alerts are posted, the
/// role they may mention, the three kinds with their own switches, and quiet hours in the guild's time zone.
/// </summary>
public sealed class AlertSettings
{
    public long GuildId { get; set; }

    /// <summary>The alerts' "act on Discord" switch: off by default, and switched off by a refusal (<see cref="AlertsStatus.Paused"/>).</summary>
    public bool Enabled { get; set; }

    /// <summary>The channel alerts are posted in; required while <see cref="Enabled"/>.</summary>
    public long? ChannelId { get; set; }

    /// <summary>The one role an alert may mention (<c>allowed_mentions</c> is limited to it); null: no mention.</summary>
    public long? MentionRoleId { get; set; }

    public bool UnansweredEnabled { get; set; }

    /// <summary>Hours without an answer before a help thread or question is alerted (1 to 24).</summary>
    public int UnansweredHours { get; set; } = AlertsValidation.DefaultUnansweredHours;

    public bool BacklogEnabled { get; set; }

    /// <summary>The backlog alert fires when more than this many threads and questions wait.</summary>
    public int BacklogThreshold { get; set; } = AlertsValidation.DefaultBacklogThreshold;

    /// <summary>The backlog alert fired and waits for the count to fall back to the threshold before it can fire again.</summary>
    public bool BacklogFired { get; set; }

    public bool DropEnabled { get; set; }

    /// <summary>The drop alert fires when messages fell by more than this percentage.</summary>
    public int DropPercent { get; set; } = AlertsValidation.DefaultDropPercent;

    /// <summary>The compared period in whole UTC days: 1 (yesterday against the day before) or 7.</summary>
    public int DropDays { get; set; } = AlertsValidation.DefaultDropDays;

    /// <summary>Quiet hours' first local hour (0-23), with <see cref="QuietEndHour"/>; null: none.</summary>
    public int? QuietStartHour { get; set; }

    /// <summary>The local hour quiet hours end (exclusive, 0-23); earlier than the start when they span midnight.</summary>
    public int? QuietEndHour { get; set; }

    public AlertsStatus Status { get; set; }

    /// <summary>Why posting failed or was paused, for the owner; null when it went well.</summary>
    public string? StatusMessage { get; set; }

    public long? StatusAt { get; set; }
}
