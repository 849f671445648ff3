using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>
/// Member growth under a role filter (<see cref="AnalyticsQuery.RoleId"/>): the joins and leaves of the members who held
/// the role at any time in the window (the previous window's: of those who held it then; <see cref="RoleHolders"/>),
/// from the stored raw joins and leaves (the rollups have no member; retention never prunes them). Each guild's joins and leaves are kept in memory (<see cref="HeldJoinsAndLeaves"/>)
/// while their stored version (<c>memberEventVersions</c>, stepped by the store's triggers on every join or leave
/// inserted, changed or deleted, whoever writes) is unchanged, and matched with the kept holders: a call costs two
/// version reads in one statement and, per holder set, one pass over its members' joins and leaves. The Members card and the Totals card
/// under a role filter both answer from it.
/// </summary>
public sealed class HoldersGrowth(IDbContextFactory<AnalyticsDbContext> contexts, RoleHolders roleHolders)
{
    private readonly KeptPerGuild<HeldJoinsAndLeaves> _kept = new(held => held.Version);

    /// <summary>How many times a guild's joins and leaves were read from the store (what the tests hold the version check to).</summary>
    internal long Reads => _kept.Reads;

    /// <summary>The holders' joins and leaves per day of the query's window, with the previous window <paramref name="span"/>'s totals.</summary>
    public async Task<MemberGrowth> OfQueryAsync(AnalyticsQuery query, ComparisonWindow span, CancellationToken cancellationToken) =>
        (await OfRoleAsync(query, span, cancellationToken)).Growth;

    /// <summary>
    /// The query's role holders in its window and in the previous window <paramref name="span"/>, and their member growth:
    /// the spans' and the joins' stored versions in one statement (a role-filtered card pays one round trip for both).
    /// </summary>
    internal async Task<HoldersAndGrowth> OfRoleAsync(AnalyticsQuery query, ComparisonWindow span, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(span);
        if (query.RoleId is not { } roleId)
        {
            throw new ArgumentException("The query names no role: member growth of everyone comes from the rollups.", nameof(query));
        }

        var (guild, role) = ((long)query.GuildId, (long)roleId);
        StoredVersions stored;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            stored = await db.Database.SqlQuery<StoredVersions>($"""
                SELECT COALESCE((SELECT version FROM memberRoleSpanVersions WHERE guildId = {guild}), 0) AS "Spans",
                       COALESCE((SELECT version FROM memberEventVersions WHERE guildId = {guild}), 0) AS "Events"
                """).SingleAsync(cancellationToken);
        }

        var spans = await roleHolders.SpansAtAsync(guild, stored.Spans, cancellationToken);
        var (holders, previousHolders) = (spans.Holders(role, query.Window.StartAt, query.Window.EndAt), spans.Holders(role, span.StartAt, span.EndAt));
        var held = await KeptAtAsync(guild, stored.Events, cancellationToken);
        return new HoldersAndGrowth(holders, previousHolders, held.Growth(holders, query.Window.StartDay, query.Window.EndDay, previousHolders, span, query.IncludeBots));
    }

    /// <summary>
    /// Keeps the guild's joins and leaves at their stored version (read when not kept at it): what every role's member
    /// growth reads, whichever role, so the warm-up makes it once before any role is asked.
    /// </summary>
    public async Task KeepAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var guild = (long)guildId;
        long stored;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            stored = await StoredVersionAsync(db, guild, cancellationToken);
        }

        await KeptAtAsync(guild, stored, cancellationToken);
    }

    /// <summary>The guild's joins and leaves when their stored version is <paramref name="stored"/>: the kept ones while it is theirs, else read again.</summary>
    private Task<HeldJoinsAndLeaves> KeptAtAsync(long guild, long stored, CancellationToken cancellationToken) =>
        _kept.GetAsync(guild, stored, async ct =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await ReadAsync(db, guild, ct);
        }, cancellationToken);

    private static async Task<long> StoredVersionAsync(AnalyticsDbContext db, long guildId, CancellationToken cancellationToken) =>
        await db.MemberEventVersions.AsNoTracking()
            .Where(v => v.GuildId == guildId)
            .Select(v => (long?)v.Version)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>The joins and leaves and their version in one read snapshot (<see cref="GuildRowsRead"/>), so they always agree.</summary>
    private static async Task<HeldJoinsAndLeaves> ReadAsync(AnalyticsDbContext db, long guildId, CancellationToken cancellationToken)
    {
        var (version, rows) = await GuildRowsRead.InSnapshotAsync(
            db, guildId, JoinsAndLeavesSql, (c, ct) => StoredVersionAsync(c, guildId, ct),
            reader => new HeldJoinsAndLeaves.Row(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2) == StoredEventTypes.MemberAdd, reader.GetBoolean(3)),
            cancellationToken);
        return new HeldJoinsAndLeaves(version, rows);
    }

    /// <summary>
    /// A guild's joins and leaves (portable SQL): the condition on the type is the partial index's
    /// (<c>IX_analyticsEvents_membership</c>, which covers the read), so the rest of the raw events are never read.
    /// </summary>
    private const string JoinsAndLeavesSql = $"""
        SELECT userId, keyAt, eventType, isBot FROM analyticsEvents
        WHERE guildId = @guild AND eventType IN ('{StoredEventTypes.MemberAdd}', '{StoredEventTypes.MemberRemove}') AND userId IS NOT NULL
        """;

    /// <summary>The guild's stored role-span and join-and-leave versions (0: none yet), as one statement reads them.</summary>
    private sealed record StoredVersions(long Spans, long Events);
}
