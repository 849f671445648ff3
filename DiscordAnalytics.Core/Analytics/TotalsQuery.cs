using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Headline totals of a window from the daily rollups, and of the previous window cut to the same elapsed time
/// (whole days from the rollups, the cut day's first hours from <see cref="PartialDayTotals"/>).
/// </summary>
public sealed class TotalsQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    public async Task<Totals> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var days = await WholeDaysAsync(db, (long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots, cancellationToken);
        return days.ToTotals(PartialDayTotals.Nothing);
    }

    /// <summary>
    /// The previous window of <paramref name="query"/>, cut at the same elapsed time as the current window has now
    /// (by the <see cref="TimeProvider"/>), and whether the guild has data from its start on.
    /// </summary>
    public async Task<PreviousTotals> RunPreviousAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var span = ComparisonWindow.Before(query.Window, time.GetUtcNow().ToUnixTimeMilliseconds());
        var (guild, bots) = ((long)query.GuildId, query.IncludeBots);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var days = await WholeDaysAsync(db, guild, span.StartDay, span.CutDay, bots, cancellationToken);
        var partial = span.HasPartialDay
            ? await PartialDayTotals.RunAsync(db, guild, span.CutDay, span.EndAt, bots, cancellationToken)
            : PartialDayTotals.Nothing;
        var firstAt = await FirstStoredAtAsync(db, guild, cancellationToken);
        var window = new PreviousWindow(span.StartAt, span.EndAt, HasEarlierData: firstAt is { } first && first <= span.StartAt);
        return new PreviousTotals(days.ToTotals(partial), window, span);
    }

    /// <summary>
    /// The guild's first stored activity: its earliest message (the message facts' key is time-ordered) or its
    /// earliest day with joins or leaves, whichever is first. Two key seeks.
    /// </summary>
    private static async Task<long?> FirstStoredAtAsync(AnalyticsDbContext db, long guild, CancellationToken cancellationToken)
    {
        var firstMessage = await db.MessageFacts.Where(m => m.GuildId == guild).OrderBy(m => m.MessageId).Select(m => (long?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var firstMembershipDay = await db.GuildDailyRollups.Where(r => r.GuildId == guild).OrderBy(r => r.Day).Select(r => (int?)r.Day).FirstOrDefaultAsync(cancellationToken);
        long? membershipAt = firstMembershipDay is { } day ? DayBucket.StartMs(day) : null;
        return (firstMessage, membershipAt) switch
        {
            ({ } m, { } j) => Math.Min(m, j),
            ({ } m, null) => m,
            (null, { } j) => j,
            _ => null,
        };
    }

    private static async Task<WholeDays> WholeDaysAsync(AnalyticsDbContext db, long guild, int start, int end, bool bots, CancellationToken cancellationToken)
    {
        // One group (or none): read as a list, so EF has no unordered First to warn about on every summary.
        var channels = (await db.ChannelDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end && (bots || !r.IsBot))
            .GroupBy(r => 1)
            .Select(g => new
            {
                Messages = g.Sum(r => r.MessageCount),
                Reactions = g.Sum(r => r.ReactionCount),
                Threads = g.Sum(r => r.ThreadCount),
                Deleted = g.Sum(r => r.DeletedCount),
            })
            .ToListAsync(cancellationToken)).SingleOrDefault();

        // Active members and reactors in one pass over the member-days (each member's most reactions on a day).
        var members = await db.MemberDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end && (bots || !r.IsBot))
            .Where(r => r.MessagesSent > 0 || r.ReactionsAdded > 0)
            .GroupBy(r => r.UserId)
            .Select(g => new { UserId = g.Key, Reactions = g.Max(r => r.ReactionsAdded) })
            .ToListAsync(cancellationToken);

        var membership = (await db.GuildDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end && (bots || !r.IsBot))
            .GroupBy(r => 1)
            .Select(g => new { Joins = g.Sum(r => r.Joins), Leaves = g.Sum(r => r.Leaves) })
            .ToListAsync(cancellationToken)).SingleOrDefault();

        return new WholeDays(
            channels?.Messages ?? 0,
            channels?.Reactions ?? 0,
            channels?.Threads ?? 0,
            channels?.Deleted ?? 0,
            membership?.Joins ?? 0,
            membership?.Leaves ?? 0,
            members.Select(m => m.UserId).ToHashSet(),
            members.Where(m => m.Reactions > 0).Select(m => m.UserId).ToHashSet());
    }

    private sealed record WholeDays(long Messages, long Reactions, long Threads, long Deleted, long Joins, long Leaves, HashSet<long> Active, HashSet<long> Reactors)
    {
        public Totals ToTotals(PartialDayTotals partial)
        {
            Active.UnionWith(partial.Active);
            Reactors.UnionWith(partial.Reactors);
            return new Totals(
                Messages + partial.Messages,
                Reactions + partial.Reactions,
                Threads + partial.Threads,
                Active.Count,
                Reactors.Count,
                Joins + partial.Joins,
                Leaves + partial.Leaves,
                Deleted + partial.Deleted);
        }
    }
}
