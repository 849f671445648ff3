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

    /// <summary>The stored status of a refusal: the HTTP status and Discord's error code (empty when it gave none).</summary>
    public static string Unreadable(int httpStatus, int? discordCode) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{UnreadableState}:{httpStatus}:{discordCode}");

    /// <summary>What failed, in words, for a stored <see cref="Unreadable(int, int?)"/> status; null for any other status.</summary>
    public static string? Failure(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var parts = status.Split(':');
        if (parts.Length != 3 || parts[0] != UnreadableState)
        {
            return null;
        }

        return parts[2].Length == 0
            ? $"Discord answered HTTP {parts[1]} to the invites list"
            : $"Discord answered HTTP {parts[1]} (error code {parts[2]}) to the invites list";
    }
}
