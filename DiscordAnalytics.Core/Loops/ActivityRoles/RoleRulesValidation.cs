namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>The limits a guild's rules must keep; the API and the Settings page both check with this before saving.</summary>
public static class RoleRulesValidation
{
    public const int MaxRules = 25;
    public const long MaxThreshold = 1_000_000;

    /// <summary>Member rollups are read over at most a year.</summary>
    public const int MaxDays = 365;

    /// <summary>The longest streak a rule may ask for (a year).</summary>
    public const long MaxStreakDays = 365;

    /// <summary>The most top places a leaderboard or mentor rule may give the role to.</summary>
    public const long MaxTopPlaces = 100;

    /// <summary>The words of every kind, for messages that list them.</summary>
    public const string KindWords = "messages, reactions, activity, voiceMinutes, streak, leaderboardTop or mentor";

    /// <summary>The first problem of <paramref name="rules"/> for guild <paramref name="guildId"/>, or null when they may be saved.</summary>
    public static RoleRuleProblem? Check(long guildId, IReadOnlyList<RoleRuleInput> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count > MaxRules)
        {
            return new RoleRuleProblem("rules", $"At most {MaxRules} rules per server.");
        }

        var roles = new HashSet<long>();
        var ids = new HashSet<long>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var at = $"rules[{i}]";
            if (!Enum.IsDefined(rule.Kind))
            {
                return new RoleRuleProblem($"{at}.kind", $"kind must be {KindWords}.");
            }

            if (ThresholdProblem(rule.Kind, rule.Threshold) is { } reason)
            {
                return new RoleRuleProblem($"{at}.threshold", reason);
            }

            if (rule.Days is < 1 or > MaxDays)
            {
                return new RoleRuleProblem($"{at}.days", $"days must be a whole number from 1 to {MaxDays}.");
            }

            // The @everyone role has the guild's id and cannot be given.
            if (rule.RoleId <= 0 || rule.RoleId == guildId)
            {
                return new RoleRuleProblem($"{at}.roleId", "roleId must be the Discord id of a role of this server (not @everyone).");
            }

            if (!roles.Add(rule.RoleId))
            {
                return new RoleRuleProblem($"{at}.roleId", "Each role may be managed by one rule only.");
            }

            if (rule.Id is { } id && !ids.Add(id))
            {
                return new RoleRuleProblem($"{at}.id", "Each rule id may appear once.");
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="threshold"/> does not fit <paramref name="kind"/> (what the threshold means for it), or null.</summary>
    public static string? ThresholdProblem(RoleRuleKind kind, long threshold) => kind switch
    {
        RoleRuleKind.Streak when threshold is < 1 or > MaxStreakDays => $"threshold (the streak in days) must be a whole number from 1 to {MaxStreakDays}.",
        RoleRuleKind.LeaderboardTop or RoleRuleKind.Mentor when threshold is < 1 or > MaxTopPlaces => $"threshold (how many top places) must be a whole number from 1 to {MaxTopPlaces}.",
        _ when threshold is < 1 or > MaxThreshold => $"threshold must be a whole number from 1 to {MaxThreshold}.",
        _ => null,
    };
}
