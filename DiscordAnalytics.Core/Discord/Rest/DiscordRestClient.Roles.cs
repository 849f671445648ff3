using System.Globalization;
using System.Net;

namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>A member's roles: read one member, add and remove one role (the activity roles). Each needs Manage Roles, and a role below the bot's highest.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary>
    /// <c>GET /guilds/{g}/members/{u}</c>: the member's role ids, or null when they are not a member (404). Needs no
    /// privileged intent.
    /// </summary>
    public async Task<IReadOnlyList<ulong>?> GetMemberRolesAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        var (guild, user) = (guildId.ToString(CultureInfo.InvariantCulture), userId.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var document = await SendJsonAsync(DiscordRoute.Get("/guilds/{guild_id}/members/{user_id}", $"/guilds/{guild}/members/{user}", guildId), cancellationToken).ConfigureAwait(false);
            var roles = Json.Property(document.RootElement, "roles") is { } list ? Json.ArrayItems(list) : [];
            return [.. roles.Select(r => Snowflake.TryParse(r.ValueKind == System.Text.Json.JsonValueKind.String ? r.GetString() : null) ?? 0).Where(r => r != 0)];
        }
        catch (DiscordRestException ex) when (ex.StatusCode == HttpStatusCode.NotFound && ex.ErrorCode == UnknownMemberCode)
        {
            return null;
        }
    }

    /// <summary><c>PUT /guilds/{g}/members/{u}/roles/{r}</c> with <paramref name="auditLogReason"/>; adding a held role changes nothing.</summary>
    public async Task AddMemberRoleAsync(ulong guildId, ulong userId, ulong roleId, string auditLogReason, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.Put(MemberRoleTemplate, MemberRolePath(guildId, userId, roleId), guildId) with { AuditLogReason = auditLogReason };
        using var _ = await SendJsonAsync(route, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /guilds/{g}/members/{u}/roles/{r}</c> with <paramref name="auditLogReason"/>; removing a role not held changes nothing.</summary>
    public async Task RemoveMemberRoleAsync(ulong guildId, ulong userId, ulong roleId, string auditLogReason, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.Delete(MemberRoleTemplate, MemberRolePath(guildId, userId, roleId), guildId) with { AuditLogReason = auditLogReason };
        using var _ = await SendJsonAsync(route, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Discord's JSON error code for a user that is not a member of the guild.</summary>
    public const int UnknownMemberCode = 10007;

    /// <summary>Discord's JSON error code for a role the guild does not have.</summary>
    public const int UnknownRoleCode = 10011;

    /// <summary>Discord's JSON error code for a missing permission, and for a role at or above the bot's highest role.</summary>
    public const int MissingPermissionsCode = 50013;

    private const string MemberRoleTemplate = "/guilds/{guild_id}/members/{user_id}/roles/{role_id}";

    private static string MemberRolePath(ulong guildId, ulong userId, ulong roleId) =>
        string.Create(CultureInfo.InvariantCulture, $"/guilds/{guildId}/members/{userId}/roles/{roleId}");
}
