using System.Runtime.CompilerServices;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>
/// Who held which role in a window, from the role spans: a span counts when it began before the window ends and ended
/// after it began (or has not ended). Each guild's spans are kept in memory (<see cref="HeldRoleSpans"/>) while their
/// stored version (<c>memberRoleSpanVersions</c>, stepped by the store's triggers on every span opened, closed or
/// deleted, whoever writes) is unchanged, so a role filter costs one version read and a set lookup per member. Any move
/// of the version reads the guild's spans again: never an answer from spans the store no longer has.
/// </summary>
public sealed class RoleHolders(IDbContextFactory<AnalyticsDbContext> contexts)
{
    private readonly KeptPerGuild<HeldRoleSpans> _kept = new(held => held.Version);

    /// <summary>Each holder set's activity, kept as long as the set is (sets are shared while the spans and window stand).</summary>
    private readonly ConditionalWeakTable<HashSet<long>, HolderActivity> _activity = new();

    /// <summary>How many times a guild's spans were read from the store (what the tests hold the version check to).</summary>
    internal long SpanReads => _kept.Reads;

    /// <summary>
    /// The members who held <paramref name="role"/> at any time from <paramref name="startAt"/> to <paramref name="endAt"/>
    /// (excluded). Shared with other callers asking the same: never change it.
    /// </summary>
    public async Task<HashSet<long>> OfRoleAsync(long guild, long role, long startAt, long endAt, CancellationToken cancellationToken) =>
        (await SpansAsync(guild, cancellationToken)).Holders(role, startAt, endAt);

    /// <summary>
    /// The holders of the query's role (<see cref="AnalyticsQuery.RoleId"/>) from <paramref name="startAt"/> to
    /// <paramref name="endAt"/>; null when the query asks about everyone. Shared: never change it.
    /// </summary>
    public async Task<HashSet<long>?> OfQueryAsync(AnalyticsQuery query, long startAt, long endAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.RoleId is { } role ? await OfRoleAsync((long)query.GuildId, (long)role, startAt, endAt, cancellationToken) : null;
    }

    /// <summary>
    /// The query's role holders read from the store (one read of the role's spans through the role index), what the kept
    /// sets are held to; null when the query asks about everyone.
    /// </summary>
    public static async Task<HashSet<long>?> OfQueryAsync(AnalyticsDbContext db, AnalyticsQuery query, long startAt, long endAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        if (query.RoleId is not { } roleId)
        {
            return null;
        }

        var (guild, role) = ((long)query.GuildId, (long)roleId);
        var users = await db.MemberRoleSpans.AsNoTracking()
            .Where(s => s.GuildId == guild && s.RoleId == role && s.FromAt < endAt && (s.ToAt == null || s.ToAt > startAt))
            .Select(s => s.UserId)
            .ToListAsync(cancellationToken);
        return [.. users];
    }

    /// <summary>
    /// The kept activity of <paramref name="holders"/> (a set this class handed out): what the member cards count of a
    /// role's holders, proportional to what changed since the last call (<see cref="HolderActivity"/>).
    /// </summary>
    internal HolderActivity ActivityOf(HashSet<long> holders) => _activity.GetValue(holders, set => new HolderActivity(set));

    /// <summary>Whether the guild has a role with that id (deleted ones included: their past holders can still be asked about).</summary>
    public static Task<bool> ExistsAsync(AnalyticsDbContext db, long guild, long role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Roles.AnyAsync(r => r.GuildId == guild && r.RoleId == role, cancellationToken);
    }

    /// <summary>The guild's spans at their stored version: the held ones while it has not moved, else read again.</summary>
    internal async Task<HeldRoleSpans> SpansAsync(long guildId, CancellationToken cancellationToken)
    {
        long stored;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            stored = await StoredVersionAsync(db, guildId, cancellationToken);
        }

        return await SpansAtAsync(guildId, stored, cancellationToken);
    }

    /// <summary>
    /// The guild's spans when their stored version is <paramref name="stored"/> (read by the caller, with other versions in
    /// the same statement): the held ones while it is theirs, else read again.
    /// </summary>
    internal Task<HeldRoleSpans> SpansAtAsync(long guildId, long stored, CancellationToken cancellationToken) =>
        _kept.GetAsync(guildId, stored, async ct =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await ReadSpansAsync(db, guildId, ct);
        }, cancellationToken);

    private static async Task<long> StoredVersionAsync(AnalyticsDbContext db, long guildId, CancellationToken cancellationToken) =>
        await db.MemberRoleSpanVersions.AsNoTracking()
            .Where(v => v.GuildId == guildId)
            .Select(v => (long?)v.Version)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>The spans and their version in one read snapshot (<see cref="GuildRowsRead"/>), so they always agree.</summary>
    private static async Task<HeldRoleSpans> ReadSpansAsync(AnalyticsDbContext db, long guildId, CancellationToken cancellationToken)
    {
        var (version, rows) = await GuildRowsRead.InSnapshotAsync(db, guildId, SpansSql, (c, ct) => StoredVersionAsync(c, guildId, ct), reader => (reader.GetInt64(0), new HeldRoleSpans.Span(reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetBoolean(4))), cancellationToken);
        return new HeldRoleSpans(version, rows);
    }

    /// <summary>What is kept of a guild's role spans (portable SQL).</summary>
    private const string SpansSql = "SELECT roleId, userId, fromAt, toAt, heldWhenFirstSeen FROM memberRoleSpans WHERE guildId = @guild";
}
