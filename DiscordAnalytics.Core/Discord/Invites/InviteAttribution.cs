namespace DiscordAnalytics.Core.Discord.Invites;

/// <summary>
/// Which invite a group of joins came through, from the invites' uses before (what earlier joins already account for)
/// and now. Never a guess: exactly one invite rose, by at least as many uses as there are joins, and none vanished -> that
/// invite for all of them; anything else (none rose, several rose, fewer uses than joins, an invite gone) -> unknown.
/// </summary>
public static class InviteAttribution
{
    /// <summary>
    /// The code to credit all <paramref name="joins"/> with (null: unknown), and the uses the next group is compared with.
    /// When credited, only the uses the joins account for are taken: a rise by more than the joins (a join whose event is
    /// still on its way) stays for the next group.
    /// </summary>
    public static (string? Code, Dictionary<string, int> Accounted) Decide(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> now, int joins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(joins, 1);
        string? risen = null;
        var rises = 0;
        var rise = 0;
        foreach (var (code, uses) in now)
        {
            // An invite we did not know yet (created between two reads) started at 0 uses.
            var delta = uses - before.GetValueOrDefault(code);
            if (delta > 0)
            {
                (risen, rise) = (code, delta);
                rises++;
            }
        }

        // An invite that disappeared may have been used up (max uses) or deleted: either way it may hide a use.
        var vanished = before.Keys.Any(code => !now.ContainsKey(code));
        var accounted = new Dictionary<string, int>(now, StringComparer.Ordinal);
        if (rises != 1 || vanished || rise < joins)
        {
            return (null, accounted);
        }

        accounted[risen!] = before.GetValueOrDefault(risen!) + joins;
        return (risen, accounted);
    }
}
