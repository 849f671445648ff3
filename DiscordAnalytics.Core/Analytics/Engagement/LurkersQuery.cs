using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// Lurkers of a window (<see cref="LurkerCount"/>): members present in it who were active on none of its days.
/// <list type="bullet">
/// <item>Known members are the member rows (GUILD_CREATE's members when the members intent is granted, joins, leaves,
/// reactors Discord names) plus everyone active in the window (authors, reactors, members heard in voice).</item>
/// <item>A row is present in the window when one of the stays it tells of overlaps it: the stay since the latest join
/// (or since always, with no join known) when the member has not left since, and the stay that ended with the latest
/// leave (from the latest join when it came before that leave, else from always). Only the latest join and leave are
/// kept, so an earlier stay is not known.</item>
/// <item>Active as engagement counts it: posted, reacted or talked with others in voice on a UTC day of the window
/// (the member days in memory). Bots only with IncludeBots; hidden members count; forgotten members have no row and
/// no member days.</item>
/// </list>
/// A guild's member rows are kept in memory (<see cref="HeldMemberRows"/>) while their stored version
/// (<c>memberRowVersions</c>, stepped by the store's triggers on every change that matters here, whoever writes) is
/// unchanged, so a reload costs one version read, the member days' own check, and a pass over the last day's members.
/// Any move of the version reads the rows again: never an answer from rows the store no longer has.
/// With a role filter (<see cref="AnalyticsQuery.RoleId"/>) only the members who held the role at any time in the window
/// count (<see cref="RoleHolders"/>, as every member-level number): the holders present in the window are kept with the
/// rows, and theirs and all holders' activity is kept per set (<see cref="RoleHolders.ActivityOf"/>), so a reload costs the
/// last day's members, not the holders.
/// </summary>
public sealed class LurkersQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays, RoleHolders roleHolders)
{
    private readonly KeptPerGuild<HeldMemberRows> _kept = new(held => held.Version);

    /// <summary>How many times a guild's member rows were read from the store (what the tests hold the version check to).</summary>
    internal long RowReads => _kept.Reads;

    public async Task<LurkerCount> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, bots) = ((long)query.GuildId, query.IncludeBots);
        var (start, end) = (query.Window.StartDay, query.Window.EndDay);
        var (startAt, endAt) = (query.Window.StartAt, query.Window.EndAt);
        var rows = await RowsAsync(guild, cancellationToken);
        HashSet<long>? holders = null;
        if (query.RoleId is not null)
        {
            holders = await roleHolders.OfQueryAsync(query, startAt, endAt, cancellationToken);
        }

        var (present, active, presentActive) = await memberDays.ReadAsync(guild, start, end, g =>
        {
            var sums = g.Sums(start, end, bots);
            lock (rows.Gate)
            {
                if (holders is not null)
                {
                    var presentHolders = rows.PresentHolders(holders, startAt, endAt, bots);
                    return ((long)presentHolders.Count, (long)roleHolders.ActivityOf(holders).Of(g, sums).Active, (long)roleHolders.ActivityOf(presentHolders).Of(g, sums).Active);
                }

                var (present, presentActive) = rows.Count(g, sums, startAt, endAt, bots);
                return (present, (long)sums.ActiveCount, presentActive);
            }
        }, cancellationToken);

        var known = present + active - presentActive;
        var lurkers = present - presentActive;
        return new LurkerCount(lurkers, known == 0 ? null : Math.Round((double)lurkers / known, 3), known);
    }

    /// <summary>The guild's member rows at their stored version: the held ones while it has not moved, else read again.</summary>
    private async Task<HeldMemberRows> RowsAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await StoredVersionAsync(db, guildId, cancellationToken);
        return await _kept.GetAsync(guildId, stored, ct => ReadRowsAsync(db, guildId, ct), cancellationToken);
    }

    private static async Task<long> StoredVersionAsync(AnalyticsDbContext db, long guildId, CancellationToken cancellationToken) =>
        await db.MemberRowVersions.AsNoTracking()
            .Where(v => v.GuildId == guildId)
            .Select(v => (long?)v.Version)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>The rows and their version in one read snapshot (<see cref="GuildRowsRead"/>), so they always agree.</summary>
    private static async Task<HeldMemberRows> ReadRowsAsync(AnalyticsDbContext db, long guildId, CancellationToken cancellationToken)
    {
        var (version, rows) = await GuildRowsRead.InSnapshotAsync(db, guildId, RowsSql, (c, ct) => StoredVersionAsync(c, guildId, ct), reader => (reader.GetInt64(0), reader.GetBoolean(1), reader.IsDBNull(2) ? (long?)null : reader.GetInt64(2), reader.IsDBNull(3) ? (long?)null : reader.GetInt64(3)), cancellationToken);
        return new HeldMemberRows(version, rows);
    }

    /// <summary>What the card reads of a guild's member rows (portable SQL).</summary>
    private const string RowsSql = "SELECT userId, isBot, joinedAt, leftAt FROM members WHERE guildId = @guild";
}
