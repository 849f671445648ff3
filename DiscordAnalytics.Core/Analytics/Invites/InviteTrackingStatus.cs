namespace DiscordAnalytics.Core.Analytics.Invites;

/// <summary>
/// Whether the guild's invites can be read (summary <c>invitesStatus</c>).
/// </summary>
/// <param name="State"><c>ok</c>, <c>missing_permission</c> (403 with Discord's code 50013), <c>unreadable</c> (another 403:
/// <see cref="Failure"/> says what failed), <c>read_failed</c> (the last read failed otherwise: a 5xx, no answer in time, not
/// JSON, Discord not reached; <see cref="Failure"/> says which, <paramref name="CheckedAt"/> when; tried again at the next
/// join, the next connection and on a schedule), or <c>not_checked</c> (no live connection read them yet: demo, or before the first).</param>
/// <param name="MissingPermission">The permission to give the bot when <paramref name="State"/> is <c>missing_permission</c> (<c>Manage Server</c>); else null.</param>
/// <param name="CheckedAt">When the state was last decided (epoch ms); null when not checked.</param>
public sealed record InviteTrackingStatus(string State, string? MissingPermission, long? CheckedAt)
{
    public const string NotChecked = "not_checked";

    /// <summary>For <c>unreadable</c> and <c>read_failed</c>: what failed (what Discord answered, or that it did not), in words; else null.</summary>
    public string? Failure { get; init; }
}
