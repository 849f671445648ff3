namespace DiscordAnalytics.Core.Digests;

/// <summary>A guild's weekly digest schedule (table <c>digestSchedules</c>).</summary>
public sealed class DigestSchedule
{
    public long GuildId { get; set; }

    public bool Enabled { get; set; }

    /// <summary>0 = Sunday ... 6 = Saturday, in <see cref="TimeZone"/>.</summary>
    public int DayOfWeek { get; set; } = (int)System.DayOfWeek.Monday;

    /// <summary>0-23, local hour in <see cref="TimeZone"/>.</summary>
    public int Hour { get; set; } = 9;

    /// <summary>IANA time zone id. Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Post right away (true) or leave a draft for approval on the Digests page (false).</summary>
    public bool AutoPost { get; set; }

    /// <summary>Where an auto-posted digest goes.</summary>
    public long? ChannelId { get; set; }

    /// <summary>The next occurrence (epoch ms, UTC) the schedule job will act on; null while disabled.</summary>
    public long? NextRunAt { get; set; }

    /// <summary>When the schedule last ran (epoch ms).</summary>
    public long? LastRunAt { get; set; }

    /// <summary>The digest the last run created.</summary>
    public long? LastDigestId { get; set; }

    /// <summary>Why the last run could not generate or post, for the owner.</summary>
    public string? LastError { get; set; }
}
