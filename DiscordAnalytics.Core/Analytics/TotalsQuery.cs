using DiscordAnalytics.Core.Analytics.ChannelDays;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Headline totals of a window from the daily rollups (the channels' summed per day in memory, <see cref="ChannelDayIndex"/>), and of the previous window cut to the same elapsed time
/// (whole days from the rollups, the cut day's first hours from its items read whole once and kept while its versions
/// stand, <see cref="CutDayTotals"/>). Active members and reactors are unique over the window: counted from the member
/// days in memory (<see cref="MemberDayIndex"/>). Under a role filter, active members, reactors, joins and leaves are the
/// holders' (joins and leaves as the Members card counts them, <see cref="HoldersGrowth"/>: both windows' worked out by one
/// call and kept for the other; the holders and their joins from one read of both stored versions); messages, reactions and threads stay the whole guild's.
/// </summary>
public sealed class TotalsQuery(IDbContextFactory<AnalyticsDbContext> contexts, ChannelDayIndex channelDays, MemberDayIndex memberDays, TimeProvider time, RoleHolders roleHolders, HoldersGrowth holdersGrowth)
{
    /// <summary>The previous windows' cut days per guild and bot rule, each kept while its versions stand (<see cref="CutDayTotals"/>).</summary>
    private readonly KeptCutDays _cutDays = new();

    private long _cutDayReads;

    /// <summary>How many times a cut day's items were read from the store since it was made: what the tests watch.</summary>
    public long CutDayReads => Interlocked.Read(ref _cutDayReads);

    public async Task<Totals> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (days, _) = await WholeDaysAsync(db, guild, start, end, bots, (await MembershipAndFirstAsync(db, guild, start, end, bots, cancellationToken)).Membership, withNext: false, cancellationToken);
        // The rollups have no member: the holders' joins and leaves are member growth's, read from the raw joins and leaves.
        var role = query.RoleId is null ? null : await holdersGrowth.OfRoleAsync(query, ComparisonWindow.Before(query.Window, time.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken);
        var members = await memberDays.ReadAsync(db, guild, start, end, g => UniqueMembers(g.Sums(start, end, bots), g, PartialDayTotals.Nothing, role?.Holders), cancellationToken);
        var totals = days.ToTotals(PartialDayTotals.Nothing, members);
        return role is null ? totals : totals with { Joins = role.Growth.Joins, Leaves = role.Growth.Leaves };
    }

    /// <summary>
    /// The previous window of <paramref name="query"/>, cut at the same elapsed time as the current window has now
    /// (by the <see cref="TimeProvider"/>), and whether the guild has data from its start on.
    /// </summary>
    public async Task<PreviousTotals> RunPreviousAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var span = ComparisonWindow.Before(query.Window, time.GetUtcNow().ToUnixTimeMilliseconds());
        var (guild, bots, cut) = ((long)query.GuildId, query.IncludeBots, span.CutDay);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // The joins and leaves of the whole days, the guild's first activity and its member-row version: one statement.
        var first = await MembershipAndFirstAsync(db, guild, span.StartDay, cut, bots, cancellationToken);
        var (days, channelVersion) = await WholeDaysAsync(db, guild, span.StartDay, cut, bots, first.Membership, span.HasPartialDay, cancellationToken);
        var role = query.RoleId is null ? null : await holdersGrowth.OfRoleAsync(query, span, cancellationToken);
        var (holders, growthOfHolders) = (role?.PreviousHolders, role?.Growth);
        if (!span.HasPartialDay)
        {
            var whole = await memberDays.ReadAsync(db, guild, span.StartDay, cut, g => UniqueMembers(g.Sums(span.StartDay, cut, bots), g, PartialDayTotals.Nothing, holders), cancellationToken);
            return Previous(days.ToTotals(PartialDayTotals.Nothing, whole));
        }

        // The cut day's items are kept while its channel-day and member-day versions stand, its joins and leaves while
        // the member rows' does; the cut moves with the clock and is then only a prefix of what is held.
        var (memberVersion, held) = await memberDays.ReadAsync(
            db,
            guild,
            span.StartDay,
            cut + 1,
            g =>
            {
                var version = g.Day(cut)?.Version ?? 0;
                if (_cutDays.Get(guild, bots, cut) is { } day && day.HoldsItems(cut, bots, channelVersion, version) && day.HoldsMembership(first.RowVersion))
                {
                    var partial = day.At(span.EndAt);
                    return (version, ((PartialDayTotals, (long, long))?)(partial, UniqueMembers(g.Sums(span.StartDay, cut, bots), g, partial, holders)));
                }

                return (version, null);
            },
            cancellationToken);
        if (held is { } kept)
        {
            return Previous(days.ToTotals(kept.Item1, kept.Item2));
        }

        var read = _cutDays.Get(guild, bots, cut);
        if (read is null || !read.HoldsItems(cut, bots, channelVersion, memberVersion))
        {
            read = await CutDayTotals.ReadItemsAsync(db, guild, cut, bots, channelVersion, memberVersion, cancellationToken);
            Interlocked.Increment(ref _cutDayReads);
        }

        if (!read.HoldsMembership(first.RowVersion))
        {
            await read.ReadMembershipAsync(db, guild, first.RowVersion, cancellationToken);
        }

        _cutDays.Keep(guild, read);
        var cutPartial = read.At(span.EndAt);
        var cutMembers = await memberDays.ReadAsync(db, guild, span.StartDay, cut, g => UniqueMembers(g.Sums(span.StartDay, cut, bots), g, cutPartial, holders), cancellationToken);
        return Previous(days.ToTotals(cutPartial, cutMembers));

        PreviousTotals Previous(Totals totals) =>
            new(
                growthOfHolders is { } growth ? totals with { Joins = growth.PreviousJoins, Leaves = growth.PreviousLeaves } : totals,
                new PreviousWindow(span.StartAt, span.EndAt, HasEarlierData: first.FirstAt is { } firstAt && firstAt <= span.StartAt), span);
    }

    /// <summary>
    /// Active members and reactors of whole days, with those of a cut day's first hours who are new to them. With a role
    /// filter (<paramref name="holders"/>), only the role's holders are counted: their kept activity
    /// (<see cref="RoleHolders.ActivityOf"/>), and the cut day's members looked up among them.
    /// </summary>
    private (long Active, long Reactors) UniqueMembers(WindowSums days, GuildMemberDays guild, PartialDayTotals partial, HashSet<long>? holders)
    {
        bool NewActive(long user) => !(guild.TryIndexOf(user, out var member) && days.IsActive(member));
        bool NewReactor(long user) => !(guild.TryIndexOf(user, out var member) && days.IsReactor(member));
        if (holders is not null)
        {
            var held = roleHolders.ActivityOf(holders).Of(guild, days);
            return (held.Active + partial.Active.Count(user => holders.Contains(user) && NewActive(user)), held.Reactors + partial.Reactors.Count(user => holders.Contains(user) && NewReactor(user)));
        }

        return (days.ActiveCount + partial.Active.Count(NewActive), days.ReactorCount + partial.Reactors.Count(NewReactor));
    }

    /// <summary>
    /// The joins and leaves of days [<paramref name="start"/>, <paramref name="end"/>), and the guild's first stored
    /// activity: its earliest message (the message facts' key is time-ordered) or its earliest day with joins or leaves,
    /// whichever is first, and its member-row version (0 without one). One statement of scalar subqueries (portable SQL):
    /// key seeks and a key range.
    /// </summary>
    private static async Task<((long Joins, long Leaves) Membership, long? FirstAt, long RowVersion)> MembershipAndFirstAsync(
        AnalyticsDbContext db, long guild, int start, int end, bool bots, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = MembershipAndFirstSql;
            AddParameter(command, "@guild", guild);
            AddParameter(command, "@start", start);
            AddParameter(command, "@end", end);
            AddParameter(command, "@bots", bots);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var membership = (reader.GetInt64(0), reader.GetInt64(1));
            long? firstMessage = reader.IsDBNull(2) ? null : reader.GetInt64(2);
            long? membershipAt = reader.IsDBNull(3) ? null : DayBucket.StartMs(reader.GetInt32(3));
            var firstAt = (firstMessage, membershipAt) switch
            {
                ({ } m, { } j) => Math.Min(m, j),
                ({ } m, null) => m,
                (null, { } j) => j,
                _ => (long?)null,
            };
            return (membership, firstAt, reader.IsDBNull(4) ? 0 : reader.GetInt64(4));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private const string MembershipAndFirstSql = """
        SELECT
            (SELECT CAST(COALESCE(SUM(joins), 0) AS BIGINT) FROM guildDailyRollups WHERE guildId = @guild AND day >= @start AND day < @end AND (@bots OR NOT isBot)),
            (SELECT CAST(COALESCE(SUM(leaves), 0) AS BIGINT) FROM guildDailyRollups WHERE guildId = @guild AND day >= @start AND day < @end AND (@bots OR NOT isBot)),
            (SELECT createdAt FROM messageFacts WHERE guildId = @guild ORDER BY messageId LIMIT 1),
            (SELECT day FROM guildDailyRollups WHERE guildId = @guild ORDER BY day LIMIT 1),
            (SELECT version FROM memberRowVersions WHERE guildId = @guild)
        """;

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// The window's counts from the channel days, with its joins and leaves (<see cref="MembershipAndFirstAsync"/>); with
    /// <paramref name="withNext"/>, day <paramref name="end"/> is brought up to the store too and its version returned (else 0).
    /// </summary>
    private async Task<(WholeDays Days, long NextVersion)> WholeDaysAsync(
        AnalyticsDbContext db, long guild, int start, int end, bool bots, (long Joins, long Leaves) membership, bool withNext, CancellationToken cancellationToken)
    {
        var (channels, next) = await channelDays.ReadAsync(
            db,
            guild,
            start,
            withNext ? end + 1 : end,
            ChannelDayParts.Counts,
            day =>
            {
                var sum = default(DayCounts);
                for (var d = start; d < end; d++)
                {
                    sum += day(d).Counts(bots);
                }

                return (sum, withNext ? day(end).Version : 0);
            },
            cancellationToken);

        return (new WholeDays(channels.Messages, channels.Reactions, channels.Threads, channels.Deleted, membership.Joins, membership.Leaves), next);
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
