namespace DiscordAnalytics.Core.Retention;

/// <summary>What the Settings page shows about a guild's raw data: the period in force, what is left, the last pass.</summary>
/// <param name="RawEventDays">The period in force for the guild.</param>
/// <param name="IsGuildSetting">True when the guild has its own period; false when Retention:RawEventDays applies.</param>
/// <param name="StoreBytes">The analytics store on disk (database file plus its write-ahead log).</param>
/// <param name="RawEvents">The guild's raw events still stored.</param>
/// <param name="OldestRawEventAt">The oldest prunable one (message or reaction event, epoch ms), or null when there is none.</param>
/// <param name="LastRun">The guild's last retention pass, or null before the first.</param>
public sealed record RetentionStatus(
    int RawEventDays,
    bool IsGuildSetting,
    long StoreBytes,
    long RawEvents,
    long? OldestRawEventAt,
    RetentionRun? LastRun);
