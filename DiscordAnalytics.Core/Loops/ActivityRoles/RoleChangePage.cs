namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>One page of a guild's role change log, newest first.</summary>
public sealed record RoleChangePage(int Total, int Page, int PageSize, IReadOnlyList<RoleChangeEntry> Entries);
