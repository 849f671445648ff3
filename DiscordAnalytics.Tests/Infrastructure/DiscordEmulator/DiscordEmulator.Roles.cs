using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>
/// Members' roles: <c>GET /guilds/{g}/members/{u}</c> (the member with its roles), <c>PUT</c> and <c>DELETE
/// /guilds/{g}/members/{u}/roles/{r}</c> (204, idempotent, each recorded in <see cref="MemberRoleCalls"/> with its
/// <c>X-Audit-Log-Reason</c>). Refusals shaped like Discord's: 403 Missing Permissions (50013) without Manage Roles
/// (<see cref="ManageRoles"/>) or for a role at or above the bot's highest (<see cref="RolesAboveBot"/>), 404 Unknown
/// Member (10007) for <see cref="MissingMemberIds"/>, 404 Unknown Role (10011) for <see cref="UnknownRoleIds"/>.
/// Every other user is a member holding the roles given to them (<see cref="GiveRole"/>, or by the client).
/// </summary>
public sealed partial class DiscordEmulator
{
    private readonly Dictionary<(ulong Guild, ulong User), HashSet<ulong>> _memberRoles = [];
    private readonly List<MemberRoleCall> _memberRoleCalls = [];

    /// <summary>Whether the bot has Manage Roles (false: every role change answers 403 / 50013). Default true.</summary>
    public bool ManageRoles { get; set; } = true;

    /// <summary>Roles at or above the bot's highest role: changing them answers 403 / 50013, as Discord does.</summary>
    public HashSet<ulong> RolesAboveBot { get; } = [];

    /// <summary>The member list (<c>GET /guilds/{id}/members</c>) answers 403 / 50001, as Discord does without the Server Members intent.</summary>
    public bool MembersForbidden { get; set; }

    /// <summary>Users that are not members of any guild (404 / 10007).</summary>
    public HashSet<ulong> MissingMemberIds { get; } = [];

    /// <summary>Roles the guild does not have (404 / 10011).</summary>
    public HashSet<ulong> UnknownRoleIds { get; } = [];

    /// <summary>Every PUT and DELETE of a member role, in order.</summary>
    public IReadOnlyList<MemberRoleCall> MemberRoleCalls
    {
        get
        {
            lock (_gate)
            {
                return _memberRoleCalls.ToList();
            }
        }
    }

    /// <summary>Gives a role as a moderator would by hand (no request).</summary>
    public void GiveRole(ulong guildId, ulong userId, ulong roleId)
    {
        lock (_gate)
        {
            RolesOfLocked(guildId, userId).Add(roleId);
        }
    }

    /// <summary>The roles the member holds now.</summary>
    public IReadOnlySet<ulong> RolesOf(ulong guildId, ulong userId)
    {
        lock (_gate)
        {
            return RolesOfLocked(guildId, userId).ToHashSet();
        }
    }

    private HashSet<ulong> RolesOfLocked(ulong guildId, ulong userId)
    {
        if (!_memberRoles.TryGetValue((guildId, userId), out var roles))
        {
            roles = [];
            _memberRoles[(guildId, userId)] = roles;
        }

        return roles;
    }

    /// <summary>Answers a member or member-role route; null when <paramref name="path"/> is neither.</summary>
    private async Task<int?> AnswerMemberRolesAsync(HttpContext context, string path)
    {
        var response = context.Response;
        if (MemberRolePath().Match(path) is { Success: true } change)
        {
            var (guild, user, role) = (Id(change.Groups[1]), Id(change.Groups[2]), Id(change.Groups[3]));
            var method = context.Request.Method;
            var reason = context.Request.Headers.TryGetValue("X-Audit-Log-Reason", out var header) ? Uri.UnescapeDataString(header.ToString()) : null;
            var status = await ChangeRoleAsync(response, method, guild, user, role);
            lock (_gate)
            {
                _memberRoleCalls.Add(new MemberRoleCall(method, guild, user, role, reason, status));
            }

            return status;
        }

        if (MemberPath().Match(path) is { Success: true } member && HttpMethods.IsGet(context.Request.Method))
        {
            var (guild, user) = (Id(member.Groups[1]), Id(member.Groups[2]));
            if (MissingMemberIds.Contains(user))
            {
                return await WriteAsync(response, 404, """{"message":"Unknown Member","code":10007}""");
            }

            var roles = string.Join(",", RolesOf(guild, user).Order().Select(r => $"\"{r}\""));
            return await WriteAsync(response, 200, $$"""{"user":{"id":"{{user}}","username":"member-{{user}}"},"roles":[{{roles}}],"joined_at":"2026-01-01T00:00:00.000000+00:00","deaf":false,"mute":false,"flags":0}""");
        }

        return null;
    }

    private async Task<int> ChangeRoleAsync(HttpResponse response, string method, ulong guild, ulong user, ulong role)
    {
        if (!HttpMethods.IsPut(method) && !HttpMethods.IsDelete(method))
        {
            return await WriteAsync(response, 405, """{"message":"405: Method Not Allowed","code":0}""");
        }

        if (!ManageRoles || RolesAboveBot.Contains(role))
        {
            return await WriteAsync(response, 403, """{"message":"Missing Permissions","code":50013}""");
        }

        if (UnknownRoleIds.Contains(role))
        {
            return await WriteAsync(response, 404, """{"message":"Unknown Role","code":10011}""");
        }

        if (MissingMemberIds.Contains(user))
        {
            return await WriteAsync(response, 404, """{"message":"Unknown Member","code":10007}""");
        }

        lock (_gate)
        {
            var roles = RolesOfLocked(guild, user);
            if (HttpMethods.IsPut(method))
            {
                roles.Add(role);
            }
            else
            {
                roles.Remove(role);
            }
        }

        response.StatusCode = 204;
        return 204;
    }

    private static ulong Id(Group group) => ulong.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex("^/guilds/(\\d+)/members/(\\d+)/roles/(\\d+)$")]
    private static partial Regex MemberRolePath();

    [GeneratedRegex("^/guilds/(\\d+)/members/(\\d+)$")]
    private static partial Regex MemberPath();
}
