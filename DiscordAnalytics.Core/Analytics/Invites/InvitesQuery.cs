using System.Globalization;
using DiscordAnalytics.Core.Analytics.Joins;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Invites;

/// <summary>
/// Which invites bring members who stay (docs/how-it-counts.md, Invites):
/// <list type="bullet">
/// <item>Every join counts on its own (<c>memberJoins</c>, one row per join): a join counts when it falls in the window and
/// was attributed, to an invite code or to "unknown". A member who joined twice through two invites counts once for each.
/// Joins never attributed (before invites were tracked, without the Manage Server permission) are in no row. Bots only with
/// IncludeBots.</item>
/// <item><c>postedWithinSevenDays</c>: the join's stay has a counted post in the 7 x 24 hours after it (its row's
/// <c>firstPostAt</c>, kept by the writer; a post after a later join belongs to that later join).</item>
/// <item><c>stillMembersAfterThirtyDays</c>: 30 days after the join have passed (TimeProvider) and that stay had not ended
/// by then (no leave, nor a rejoin that implies one). A join younger than 30 days is in neither this count nor excluded
/// from <c>joins</c>.</item>
/// <item>Privacy: hidden and forgotten inviters are never named: their invites' rows have no inviter, and in the
/// inviters list they are counted together in one row without id. A forgotten member's own joins are gone with their row.</item>
/// </list>
/// The joins are kept per day (<see cref="KeptJoinDays{TRow}"/>, <c>joinDayVersions</c>): a call reads the window's day
/// versions and only the days that changed (a join, a first post, a leave), then counts the window's joins in memory.
/// </summary>
public sealed class InvitesQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    public const long SevenDaysMs = 7 * DayBucket.MillisecondsPerDay;

    public const long ThirtyDaysMs = 30 * DayBucket.MillisecondsPerDay;

    /// <summary>The attributed joins of each day, kept while the day's stored version stands: a reload reads only a day that changed.</summary>
    private readonly KeptJoinDays<AttributedJoin> _days = new(contexts, JoinsSql, reader =>
    {
        var joinedAt = reader.GetInt64(0);
        return (DayBucket.FromUnixMs(joinedAt), new AttributedJoin(
            joinedAt, reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetBoolean(4)));
    });

    /// <summary>Days of joins read from the store (what the tests hold the day versions to).</summary>
    internal long DaysRead => _days.DaysRead;

    public async Task<InvitesSummary> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, bots) = ((long)query.GuildId, query.IncludeBots);
        var days = await _days.ReadAsync(guild, query.Window.StartDay, query.Window.EndDay, cancellationToken);
        var joins = days.SelectMany(day => day).Where(j => bots || !j.IsBot);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var invites = await db.Invites.AsNoTracking()
            .Where(i => i.GuildId == guild)
            .Select(i => new { i.Code, i.InviterId, i.IsVanity })
            .ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
        var inviterIds = invites.Values.Where(i => i.InviterId is { } id && visible.IsListed(id)).Select(i => i.InviterId!.Value).Distinct().ToList();
        var names = await Names.OfMembersAsync(db, guild, inviterIds, cancellationToken);
        var status = await db.Guilds.AsNoTracking()
            .Where(g => g.GuildId == guild)
            .Select(g => new { g.InvitesStatus, g.InvitesCheckedAt })
            .FirstOrDefaultAsync(cancellationToken);

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var byInvite = new Dictionary<string, InviteCounts>(StringComparer.Ordinal);
        var unknown = new InviteCounts();
        foreach (var join in joins)
        {
            var counts = join.InviteCode is { } code ? byInvite.TryGetValue(code, out var c) ? c : byInvite[code] = new InviteCounts() : unknown;
            counts.Joins++;
            if (join.FirstPostAt is { } posted && posted < join.JoinedAt + SevenDaysMs)
            {
                counts.Posted++;
            }

            var thirtyDaysOn = join.JoinedAt + ThirtyDaysMs;
            if (thirtyDaysOn <= now && (join.LeftAt is not { } left || left >= thirtyDaysOn))
            {
                counts.Stayed++;
            }
        }

        var inviteStats = new List<InviteStat>(byInvite.Count + 1);
        var inviters = new Dictionary<long, InviteCounts>();
        var hiddenInviters = new InviteCounts();
        foreach (var (code, counts) in byInvite)
        {
            var invite = invites.GetValueOrDefault(code);
            long? inviter = invite?.InviterId is { } id && visible.IsListed(id) ? id : null;
            inviteStats.Add(new InviteStat(
                code,
                inviter?.ToString(CultureInfo.InvariantCulture),
                inviter is { } named ? Names.OrId(names.GetValueOrDefault(named), named) : null,
                invite?.IsVanity ?? false,
                counts.Joins,
                counts.Posted,
                counts.Stayed));
            if (inviter is { } listed)
            {
                (inviters.TryGetValue(listed, out var total) ? total : inviters[listed] = new InviteCounts()).Add(counts);
            }
            else if (invite is { IsVanity: false })
            {
                // An ordinary invite without a listed inviter: hidden, forgotten, or never said. Counted, never named.
                hiddenInviters.Add(counts);
            }
        }

        if (unknown.Joins > 0)
        {
            inviteStats.Add(new InviteStat(null, null, null, false, unknown.Joins, unknown.Posted, unknown.Stayed));
        }

        var inviterStats = inviters
            .Select(p => new InviterStat(p.Key.ToString(CultureInfo.InvariantCulture), Names.OrId(names.GetValueOrDefault(p.Key), p.Key), p.Value.Joins, p.Value.Posted, p.Value.Stayed))
            .OrderByDescending(s => s.Joins).ThenBy(s => long.Parse(s.InviterId!, CultureInfo.InvariantCulture))
            .ToList();
        if (hiddenInviters.Joins > 0)
        {
            inviterStats.Add(new InviterStat(null, null, hiddenInviters.Joins, hiddenInviters.Posted, hiddenInviters.Stayed));
        }

        return new InvitesSummary(
            [.. inviteStats.OrderByDescending(s => s.Joins).ThenBy(s => s.Code is null).ThenBy(s => s.Code, StringComparer.Ordinal)],
            inviterStats,
            status?.InvitesStatus is { } stored
                ? new InviteTrackingStatus(
                    InvitesStatuses.StateOf(stored),
                    stored == InvitesStatuses.MissingPermission ? InvitesStatuses.PermissionName : null,
                    status.InvitesCheckedAt)
                { Failure = InvitesStatuses.Failure(stored) }
                : new InviteTrackingStatus(InviteTrackingStatus.NotChecked, null, null));
    }

    /// <summary>One attributed join: when, the stay's first post and leave (null: none), the invite (null: unknown), a bot's.</summary>
    private readonly record struct AttributedJoin(long JoinedAt, long? FirstPostAt, long? LeftAt, string? InviteCode, bool IsBot);

    /// <summary>The attributed joins of a range of days (portable SQL, the joins' time index).</summary>
    private const string JoinsSql = """
        SELECT joinedAt, firstPostAt, leftAt, inviteCode, isBot FROM memberJoins
        WHERE guildId = @guild AND joinedAt >= @startAt AND joinedAt < @endAt AND isAttributed
        """;
}
