namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>
/// A role's holders in a window (<see cref="Holders"/>) and in its previous window (<see cref="PreviousHolders"/>), the
/// kept sets of <see cref="RoleHolders"/> (shared: never change them), and their joins and leaves (<see cref="HoldersGrowth"/>).
/// </summary>
internal sealed record HoldersAndGrowth(HashSet<long> Holders, HashSet<long> PreviousHolders, MemberGrowth Growth);
