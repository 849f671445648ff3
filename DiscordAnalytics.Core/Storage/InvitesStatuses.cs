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
}
