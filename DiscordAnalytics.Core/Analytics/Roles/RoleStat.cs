namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>
/// A role in a window (summary <c>roles</c>): how many members held it at any time in the window, and how many of them
/// were active, with their messages and reactions over the whole window (docs/how-it-counts.md).
/// </summary>
public sealed record RoleStat(string RoleId, string Name, int Members, int ActiveMembers, long Messages, long Reactions);
