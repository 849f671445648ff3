using System.ComponentModel.DataAnnotations;

namespace DiscordAnalytics.Core.Leadership;

/// <summary>How instances sharing one PostgreSQL store decide which one leads (ignored on SQLite: one instance, always the leader).</summary>
public sealed class LeadershipOptions
{
    public const string Section = "Leadership";

    /// <summary>
    /// How often the standby tries the leader lock and the leader checks the connection that holds it. Default 3 seconds:
    /// a standby takes over within about this long after the leader stops, and a leader that lost its connection stops
    /// its gateway within about this long (plus the connection's timeout).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Leadership:CheckInterval must be a time span from 00:00:00.100 to 00:01:00, e.g. 00:00:03.")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(3);
}
