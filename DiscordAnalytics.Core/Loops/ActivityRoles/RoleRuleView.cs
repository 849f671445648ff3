using System.Globalization;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>A stored rule as the API and Settings show it (ids as decimal strings, as everywhere in the API).</summary>
public sealed record RoleRuleView(
    string Id,
    RoleRuleKind Kind,
    long Threshold,
    int Days,
    string RoleId,
    bool Enabled,
    RoleRuleStatus Status,
    string? StatusMessage,
    long? StatusAt)
{
    public static RoleRuleView Of(RoleRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(
            rule.Id.ToString(CultureInfo.InvariantCulture), rule.Kind, rule.Threshold, rule.Days,
            rule.RoleId.ToString(CultureInfo.InvariantCulture), rule.Enabled, rule.Status, rule.StatusMessage, rule.StatusAt);
    }
}
