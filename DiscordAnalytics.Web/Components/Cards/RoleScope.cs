namespace DiscordAnalytics.Web.Components.Cards;

/// <summary>
/// Cascaded to every card while the dashboard is filtered by a role: <see cref="CardShell"/> then says on each card whether
/// its numbers are the role's holders' or the whole server's ("not filtered by role").
/// </summary>
public sealed record RoleScope(string RoleName);
