using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Members ranked by activity (messages + reactions), messages or reactions in a window, from the member days in
/// memory (<see cref="MemberDayIndex"/>). Each listed member also carries their numbers in the previous window, cut to
/// the same elapsed time as this one (<see cref="ComparisonWindow"/>: whole days from the member days, the cut day's
/// first hours from <see cref="PartialDayTotals"/>).
/// </summary>
public sealed class TopMembersQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays, TimeProvider time, RoleHolders roleHolders)
{
    public async Task<IReadOnlyList<MemberStat>> RunAsync(AnalyticsQuery query, MemberRanking ranking, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var span = ComparisonWindow.Before(query.Window, time.GetUtcNow().ToUnixTimeMilliseconds());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Hidden members count in every total but are never listed.
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
        var cut = span.HasPartialDay
            ? await PartialDayTotals.ItemsAsync(db, guild, span.CutDay, span.EndAt, bots, cancellationToken)
            : PartialDayTotals.Nothing;

        // A role filter: the role's holders in the window, checked only for members who beat the ranking's worst kept.
        var holders = await roleHolders.OfQueryAsync(query, query.Window.StartAt, query.Window.EndAt, cancellationToken);
        var top = await memberDays.ReadAsync(db, guild, span.StartDay, end, g =>
        {
            var previous = g.Sums(span.StartDay, span.CutDay, bots);
            return MemberRankings.Top(g.Sums(start, end, bots), g, visible, ranking, query.Top, holders)
                .Select(x => (Member: x, Previous: g.TryIndexOf(x.User, out var member) ? previous.Of(member) : default))
                .ToList();
        }, cancellationToken);

        var ids = top.Select(x => x.Member.User).ToList();
        var names = await Names.OfMembersAsync(db, guild, ids, cancellationToken);

        return [.. top.Select(x => new MemberStat(
            x.Member.User.ToString(),
            Names.OrId(names.GetValueOrDefault(x.Member.User), x.Member.User),
            x.Member.Messages,
            x.Member.Reactions,
            x.Member.Threads)
        {
            PreviousMessagesSent = x.Previous.Messages + cut.MessagesBy.GetValueOrDefault(x.Member.User),
            PreviousReactionsAdded = x.Previous.Reactions + cut.ReactionsBy.GetValueOrDefault(x.Member.User),
        })];
    }
}
