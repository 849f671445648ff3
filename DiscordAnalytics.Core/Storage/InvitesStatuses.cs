namespace DiscordAnalytics.Core.Storage;

/// <summary>The stored values of <see cref="Entities.Guild.InvitesStatus"/>, shared by the writer and the invites query.</summary>
public static class InvitesStatuses
{
    /// <summary>The invites were read.</summary>
    public const string Ok = "ok";

    /// <summary>Discord answered 403 (code 50013): the bot lacks the Manage Server permission.</summary>
    public const string MissingPermission = "missing_permission";

    /// <summary>The permission Discord asks for, as Discord's own settings name it.</summary>
    public const string PermissionName = "Manage Server";

    /// <summary>Discord's error code for Missing Permissions: the only 403 that asks for <see cref="PermissionName"/>.</summary>
    public const int MissingPermissionsCode = 50013;

    /// <summary>
    /// Discord refused the invites with another 403 (Missing Access, ...): stored as <c>unreadable:{http}:{code}</c> so the
    /// card says what failed (<see cref="Unreadable(int, int?)"/>, <see cref="Failure(string)"/>).
    /// </summary>
    public const string UnreadableState = "unreadable";

    /// <summary>
    /// A read failed otherwise (a 5xx after the client's retries, no answer in time, an answer that is not JSON, Discord not
    /// reached): stored as <c>read_failed:{what}:{http}</c> (<see cref="ReadFailed(string, int?)"/>), said in words by
    /// <see cref="Failure(string)"/>. Tried again at the next join, the next connection, and on a schedule.
    /// </summary>
    public const string ReadFailedState = "read_failed";

    /// <summary>What failed: Discord answered an HTTP error (with <c>http</c>).</summary>
    public const string HttpFailure = "http";

    /// <summary>What failed: Discord did not answer in time.</summary>
    public const string TimeoutFailure = "timeout";

    /// <summary>What failed: Discord's answer was not JSON.</summary>
    public const string NotJsonFailure = "json";

    /// <summary>What failed: Discord could not be reached.</summary>
    public const string NetworkFailure = "network";

    /// <summary>The stored status of a failed read (<see cref="ReadFailedState"/>).</summary>
    public static string ReadFailed(string what, int? httpStatus) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ReadFailedState}:{what}:{httpStatus}");

    /// <summary>The state a stored status stands for: <c>ok</c>, <c>missing_permission</c>, <c>unreadable</c> or <c>read_failed</c>.</summary>
    public static string StateOf(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var colon = status.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? status : status[..colon];
    }

    /// <summary>The stored status of a refusal: the HTTP status and Discord's error code (empty when it gave none).</summary>
    public static string Unreadable(int httpStatus, int? discordCode) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{UnreadableState}:{httpStatus}:{discordCode}");

    /// <summary>
    /// What failed, in words, for a stored <see cref="Unreadable(int, int?)"/> or <see cref="ReadFailed(string, int?)"/>
    /// status; null for any other status.
    /// </summary>
    public static string? Failure(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var parts = status.Split(':');
        if (parts.Length == 3 && parts[0] == ReadFailedState)
        {
            return parts[1] switch
            {
                HttpFailure => $"Discord answered HTTP {parts[2]} to the invites list",
                TimeoutFailure => "Discord did not answer the invites list in time",
                NotJsonFailure => "Discord answered the invites list with something that is not JSON",
                NetworkFailure => "Discord could not be reached for the invites list",
                _ => "the invites list could not be read",
            };
        }

        if (parts.Length != 3 || parts[0] != UnreadableState)
        {
            return null;
        }

        return parts[2].Length == 0
            ? $"Discord answered HTTP {parts[1]} to the invites list"
            : $"Discord answered HTTP {parts[1]} (error code {parts[2]}) to the invites list";
    }
}
