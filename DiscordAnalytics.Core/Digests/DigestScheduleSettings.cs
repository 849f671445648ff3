namespace DiscordAnalytics.Core.Digests;

/// <summary>What an owner sets for the weekly digest of one guild.</summary>
/// <param name="Enabled">Whether the weekly job acts for this guild.</param>
/// <param name="Day">Day of the week, in <paramref name="TimeZone"/>.</param>
/// <param name="Hour">0-23, local hour in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">IANA time zone id (default UTC).</param>
/// <param name="AutoPost">Post at once (true) or keep a draft for approval (false).</param>
/// <param name="ChannelId">Target channel of auto-posts (required when <paramref name="AutoPost"/> is on).</param>
public sealed record DigestScheduleSettings(bool Enabled, DayOfWeek Day, int Hour, string TimeZone, bool AutoPost, ulong? ChannelId)
{
    public static DigestScheduleSettings Default { get; } = new(false, DayOfWeek.Monday, 9, "UTC", false, null);
}
