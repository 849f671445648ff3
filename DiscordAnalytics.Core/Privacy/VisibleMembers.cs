using System.Globalization;
using System.Linq.Expressions;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Privacy;

/// <summary>
/// The one privacy filter every list query applies: the guild's opted-out members (every <see cref="MemberPrivacy"/>
/// row, hidden or forgotten), loaded once per query. A hidden member is counted in every number but never listed: not
/// in top or rising members, not as top content's author, and neither their excerpts nor their words in keywords are
/// shown. A forgotten member is gone: the writer deleted or emptied their rows, and their id stays here so that
/// nothing a list still meets (a late row, a stored summary) names them. Queries filter with <see cref="Listed{T}"/>
/// (in SQL) or <see cref="IsListed"/> / <see cref="MayShowContentOf"/> (in memory), never with their own copy.
/// </summary>
public sealed class VisibleMembers
{
    // A List, not a set: EF Core turns a captured list's Contains into a parameterised IN.
    private readonly List<long> _optedOut;
    private readonly HashSet<long> _lookup;
    private readonly HashSet<long> _forgotten;

    private VisibleMembers(List<long> optedOut, HashSet<long> forgotten)
    {
        _optedOut = optedOut;
        _lookup = [.. optedOut];
        _forgotten = forgotten;
    }

    /// <summary>Reads the guild's opted-out members, in the caller's transaction when it has one (one snapshot with its other reads).</summary>
    public static async Task<VisibleMembers> LoadAsync(AnalyticsDbContext db, long guildId, CancellationToken cancellationToken)
    {
        var optedOut = await db.MemberPrivacy.AsNoTracking()
            .Where(p => p.GuildId == guildId)
            .Select(p => new { p.UserId, p.Choice })
            .ToListAsync(cancellationToken);
        return new VisibleMembers(
            [.. optedOut.Select(p => p.UserId)],
            [.. optedOut.Where(p => p.Choice == MemberPrivacyChoice.Forgotten).Select(p => p.UserId)]);
    }

    /// <summary>Whether anyone in the guild is hidden or forgotten (when nobody is, a filter costs nothing).</summary>
    public bool AnyoneOptedOut => _optedOut.Count > 0;

    /// <summary>
    /// The member was forgotten: not even an unnamed place in a ranking (a hidden member keeps theirs). Their rows are
    /// gone already; this covers anything a list still meets.
    /// </summary>
    public bool IsForgotten(long userId) => _forgotten.Contains(userId);

    /// <summary>The member may appear in a list by id or name.</summary>
    public bool IsListed(long userId) => !_lookup.Contains(userId);

    /// <summary>
    /// A message's author and words (excerpt, keywords) may be shown: its author is listed, or unknown (a tombstone, a
    /// message we never saw created), in which case there is nobody to name.
    /// </summary>
    public bool MayShowContentOf(long? authorId) => authorId is not { } author || IsListed(author);

    /// <summary>The opted-out members as the summary spells ids (invariant decimal strings).</summary>
    public IReadOnlySet<string> OptedOutIds() =>
        _optedOut.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="rows"/> without those of opted-out members, as SQL (<c>userId NOT IN (...)</c>, the ids as
    /// parameters): <paramref name="userId"/> picks the member a row belongs to.
    /// </summary>
    public IQueryable<T> Listed<T>(IQueryable<T> rows, Expression<Func<T, long>> userId)
    {
        if (!AnyoneOptedOut)
        {
            return rows;
        }

        // Captured through a field so EF Core sends the ids as parameters (one cached plan), not as inlined constants.
        Expression<Func<long, bool>> listed = id => !_optedOut.Contains(id);
        var body = new ParameterReplacer(listed.Parameters[0], userId.Body).Visit(listed.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(body, userId.Parameters));
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
