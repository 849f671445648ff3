using DiscordAnalytics.Core.Analytics.ChannelDays;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Headline totals of a window from the daily rollups (the channels' summed per day in memory, <see cref="ChannelDayIndex"/>), and of the previous window cut to the same elapsed time
/// (whole days from the rollups, the cut day's first hours from <see cref="PartialDayTotals"/>). Active members and
/// reactors are unique over the window: counted from the member days in memory (<see cref="MemberDayIndex"/>).
/// </summary>
public sealed class TotalsQuery(IDbContextFactory<AnalyticsDbContext> contexts, ChannelDayIndex channelDays, MemberDayIndex memberDays, TimeProvider time)
{
    public async Task<Totals> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var days = await WholeDaysAsync(db, guild, start, end, bots, cancellationToken);
        var holders = await RoleHolders.OfQueryAsync(db, query, query.Window.StartAt, query.Window.EndAt, cancellationToken);
        var members = await memberDays.ReadAsync(guild, start, end, g => UniqueMembers(g.Sums(start, end, bots), g, PartialDayTotals.Nothing, holders), cancellationToken);
        return days.ToTotals(PartialDayTotals.Nothing, members);
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
        var holders = await RoleHolders.OfQueryAsync(db, query, span.StartAt, span.EndAt, cancellationToken);
        var members = await memberDays.ReadAsync(guild, span.StartDay, span.CutDay, g => UniqueMembers(g.Sums(span.StartDay, span.CutDay, bots), g, partial, holders), cancellationToken);
        var firstAt = await FirstStoredAtAsync(db, guild, cancellationToken);
        var window = new PreviousWindow(span.StartAt, span.EndAt, HasEarlierData: firstAt is { } first && first <= span.StartAt);
        return new PreviousTotals(days.ToTotals(partial, members), window, span);
    }

    /// <summary>
    /// Active members and reactors of whole days, with those of a cut day's first hours who are new to them. With a role
    /// filter (<paramref name="holders"/>), only the role's holders are counted: the holders are looked up, not the days rescanned.
    /// </summary>
    private static (long Active, long Reactors) UniqueMembers(WindowSums days, GuildMemberDays guild, PartialDayTotals partial, HashSet<long>? holders)
    {
        if (holders is not null)
        {
            var (heldActive, heldReactors) = (0L, 0L);
            foreach (var user in holders)
            {
                var known = guild.TryIndexOf(user, out var member);
                heldActive += (known && days.IsActive(member)) || partial.Active.Contains(user) ? 1 : 0;
                heldReactors += (known && days.IsReactor(member)) || partial.Reactors.Contains(user) ? 1 : 0;
            }

            return (heldActive, heldReactors);
        }

        var active = days.ActiveCount + partial.Active.Count(user => !(guild.TryIndexOf(user, out var member) && days.IsActive(member)));
        var reactors = days.ReactorCount + partial.Reactors.Count(user => !(guild.TryIndexOf(user, out var member) && days.IsReactor(member)));
        return (active, reactors);
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

    private async Task<WholeDays> WholeDaysAsync(AnalyticsDbContext db, long guild, int start, int end, bool bots, CancellationToken cancellationToken)
    {
        var channels = await channelDays.ReadAsync(
            guild,
            start,
            end,
            day =>
            {
                var sum = default(DayCounts);
                for (var d = start; d < end; d++)
                {
                    sum += day(d).Counts(bots);
                }

                return sum;
            },
            cancellationToken);

        // One group (or none): read as a list, so EF has no unordered First to warn about on every summary.
        var membership = (await db.GuildDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end && (bots || !r.IsBot))
            .GroupBy(r => 1)
            .Select(g => new { Joins = g.Sum(r => r.Joins), Leaves = g.Sum(r => r.Leaves) })
            .ToListAsync(cancellationToken)).SingleOrDefault();

        return new WholeDays(
            channels.Messages,
            channels.Reactions,
            channels.Threads,
            channels.Deleted,
            membership?.Joins ?? 0,
            membership?.Leaves ?? 0);
    }

    private sealed record WholeDays(long Messages, long Reactions, long Threads, long Deleted, long Joins, long Leaves)
    {
        public Totals ToTotals(PartialDayTotals partial, (long Active, long Reactors) members) =>
            new(
                Messages + partial.Messages,
                Reactions + partial.Reactions,
                Threads + partial.Threads,
                members.Active,
                members.Reactors,
                Joins + partial.Joins,
                Leaves + partial.Leaves,
                Deleted + partial.Deleted);
    }
}
