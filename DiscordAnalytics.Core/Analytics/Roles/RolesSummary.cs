namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>
/// What <see cref="RolesQuery"/> answers: the roles (most held first, ties by id), the changes per day, and from when
/// members' roles are exact (<c>rolesExactFrom</c>: the first complete member list, epoch ms; null before one).
/// </summary>
public sealed record RolesSummary(IReadOnlyList<RoleStat> Roles, IReadOnlyList<RoleChangeDay> Changes, long? ExactFrom);
