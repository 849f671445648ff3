namespace DiscordAnalytics.Core.Discord;

/// <summary>Which forum tags mark a post as solved: a name containing "solved" or "resolved", in any case ("✅ Solved", "RESOLVED").</summary>
public static class SolvedTagNames
{
    public static bool IsSolved(string name) =>
        name.Contains("solved", StringComparison.OrdinalIgnoreCase) || name.Contains("resolved", StringComparison.OrdinalIgnoreCase);
}
