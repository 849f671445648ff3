using System.Collections.Concurrent;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>What the in-memory day indexes (channel days, member days) share: which held days are behind the store, and handing them the writer's commits.</summary>
internal static class DayVersions
{
    /// <summary>
    /// The days of [<paramref name="start"/>, <paramref name="end"/>) not held (<paramref name="held"/> gives null) or held
    /// at a version older than <paramref name="stored"/>'s (a day without a stored version is at version 0), in order.
    /// </summary>
    public static List<int> Stale(int start, int end, IReadOnlyDictionary<int, long> stored, Func<int, long?> held)
    {
        var stale = new List<int>();
        for (var day = start; day < end; day++)
        {
            if (held(day) is not { } version || version < stored.GetValueOrDefault(day))
            {
                stale.Add(day);
            }
        }

        return stale;
    }

    /// <summary>
    /// Runs <paramref name="read"/> (a range of stored day versions) on the caller's context when it has one, so a card call
    /// makes one context and connection; else on a context of its own.
    /// </summary>
    public static async Task<Dictionary<int, long>> ReadAsync(
        IDbContextFactory<AnalyticsDbContext> contexts, AnalyticsDbContext? callers, Func<AnalyticsDbContext, Task<Dictionary<int, long>>> read, CancellationToken cancellationToken)
    {
        if (callers is not null)
        {
            return await read(callers);
        }

        await using var own = await contexts.CreateDbContextAsync(cancellationToken);
        return await read(own);
    }

    /// <summary>Sorted days as runs of consecutive days, (start, end excluded): each is one range read of a day-keyed table.</summary>
    public static IEnumerable<(int Start, int End)> Runs(List<int> days)
    {
        for (var i = 0; i < days.Count;)
        {
            var j = i;
            while (j + 1 < days.Count && days[j + 1] == days[j] + 1)
            {
                j++;
            }

            yield return (days[i], days[j] + 1);
            i = j + 1;
        }
    }

    /// <summary>
    /// Hands each commit to its guild's held days (<paramref name="apply"/> takes the guild's gate); a guild not held is
    /// skipped, it is read when asked for. A commit a guild cannot take is never the writer's failure (its batch is
    /// committed): that guild's days are dropped, to be read again from the store, and <paramref name="dropped"/> says so.
    /// </summary>
    public static void Commit<TGuild, TCommit>(
        ConcurrentDictionary<long, TGuild> guilds,
        IReadOnlyList<TCommit> commits,
        Func<TCommit, long> guildOf,
        Action<TGuild, TCommit> apply,
        Action<Exception, long> dropped)
        where TGuild : class
    {
        ArgumentNullException.ThrowIfNull(commits);
        foreach (var commit in commits)
        {
            var id = guildOf(commit);
            if (!guilds.TryGetValue(id, out var guild))
            {
                continue;
            }

            try
            {
                apply(guild, commit);
            }
            catch (Exception ex)
            {
                dropped(ex, id);
                guilds.TryRemove(id, out _);
            }
        }
    }
}
