using System.ComponentModel.DataAnnotations;

namespace DiscordAnalytics.Core.Discord.Invites;

/// <summary>The <c>Invites</c> configuration section: how the invites' reader (<see cref="InviteTracker"/>) tries again.</summary>
public sealed class InvitesOptions
{
    public const string Section = "Invites";

    /// <summary>
    /// How long after a failed read of a guild's invites (other than a 403: a missing permission waits for the next fresh
    /// session) they are read again on their own. Default 5 minutes. Not below 5 s: each read costs a REST call per guild.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00", ErrorMessage = "Invites:RetryAfter must be a time span from 00:00:05 to 1.00:00:00, e.g. 00:05:00.")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(5);
}
