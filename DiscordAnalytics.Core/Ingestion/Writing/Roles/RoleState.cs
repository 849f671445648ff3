namespace DiscordAnalytics.Core.Ingestion.Writing.Roles;

/// <summary>A member's role state: when their roles were last observed (null: never) and the roles whose spans are open.</summary>
internal sealed record RoleState(long? SeenAt, HashSet<long> Open)
{
    /// <summary>Nothing stored: never observed, no role held.</summary>
    public static RoleState None() => new(null, []);
}
