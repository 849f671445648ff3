using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Members whose messages grew most against the previous window (summary <c>risingMembers</c>, the offline "rising
/// members" rule), the previous window cut to the same elapsed time as this one (<see cref="ComparisonWindow"/>):
/// members with more messages now than before, by the increase (desc) then user id, at most <see cref="MaxRising"/>.
/// Bots only with IncludeBots. A member silent in the previous window rises from 0. Read from the member days in
/// memory (<see cref="MemberDayIndex"/>), the cut day's first hours from <see cref="PartialDayTotals"/>.
/// </summary>
public sealed class RisingMembersQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays, TimeProvider time, RoleHolders roleHolders)
{
    public const int MaxRising = 3;

    public async Task<IReadOnlyList<RisingMember>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var span = ComparisonWindow.Before(query.Window, time.GetUtcNow().ToUnixTimeMilliseconds());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Hidden members still count in every total; they are never listed.
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
        var cut = span.HasPartialDay
            ? await PartialDayTotals.ItemsAsync(db, guild, span.CutDay, span.EndAt, bots, cancellationToken)
            : PartialDayTotals.Nothing;

        var holders = await roleHolders.OfQueryAsync(query, query.Window.StartAt, query.Window.EndAt, cancellationToken);
        var rising = await memberDays.ReadAsync(
            db,
            guild,
            span.StartDay,
            end,
            g => MemberRankings.Rising(g.Sums(start, end, bots), g.Sums(span.StartDay, span.CutDay, bots), cut.MessagesBy, g, visible, MaxRising, holders),
            cancellationToken);

        var ids = rising.Select(x => x.User).ToList();
        var names = await Names.OfMembersAsync(db, guild, ids, cancellationToken);
        return [.. rising.Select(x => new RisingMember(x.User.ToString(), Names.OrId(names.GetValueOrDefault(x.User), x.User), x.Messages, x.Reactions))];
    }
}
