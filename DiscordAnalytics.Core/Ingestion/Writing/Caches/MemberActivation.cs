using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion.Writing.Joins;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// Keeps <c>members.firstPostAt</c>: each joined member's earliest counted message in the 7 x 24 hours from their latest
/// join, so new-member activation reads one row per new member instead of every message of their first weeks. The
/// writer's in-memory copy (join time and first post of every member with a join, <see cref="PerGuild{T}"/>): a create
/// costs one lookup, and a write only when it is a new member's earliest post of their first week. Each join's own row
/// (<c>memberJoins</c>) gets the same first post; a post or delete of an earlier stay (history read late) goes to that
/// stay's row in the store.
/// </summary>
internal sealed class MemberActivation(IngestionStatements sql, JoinStatements joins)
{
    /// <summary>How long after a join a first post counts (activation's longest period).</summary>
    public const long FirstWeekMs = 7 * DayBucket.MillisecondsPerDay;

    private readonly PerGuild<Dictionary<long, JoinedMember>> _guilds = new(guild =>
    {
        var members = new Dictionary<long, JoinedMember>();
        foreach (var join in sql.SelectMemberJoins.Rows(guild))
        {
            members[join.User] = new JoinedMember(join.JoinedAt, join.FirstPostAt);
        }

        return members;
    });

    /// <summary>A counted create: the member's first post when it is in their first week and earlier than the one known.</summary>
    public void Posted(long guild, long user, long createdAt)
    {
        if (!_guilds.GetOrLoad(guild).TryGetValue(user, out var member))
        {
            return;
        }

        if (createdAt < member.At)
        {
            joins.EarlierStayPosted.Defer(guild, user, createdAt, createdAt - FirstWeekMs);
        }
        else if (createdAt < member.At + FirstWeekMs && (member.FirstPostAt is not { } known || createdAt < known))
        {
            Set(guild, user, member.At, createdAt);
        }
    }

    /// <summary>A join (the latest one counts): the first post is looked up among messages already stored after it.</summary>
    public void JoinedAt(long guild, long user, long at) =>
        Set(guild, user, at, FirstPostSince(guild, user, at));

    /// <summary>A counted message was deleted: when it was the member's first post, the next one takes its place.</summary>
    public void Deleted(long guild, long user, long createdAt)
    {
        if (!_guilds.GetOrLoad(guild).TryGetValue(user, out var member))
        {
            return;
        }

        if (createdAt < member.At)
        {
            joins.EarlierStayPostDeleted.Defer(
                guild, user, createdAt, MessageIdRange.FirstIdAt(createdAt), MessageIdRange.FirstIdAt(createdAt + FirstWeekMs));
        }
        else if (member.FirstPostAt == createdAt)
        {
            Set(guild, user, member.At, FirstPostSince(guild, user, member.At));
        }
    }

    /// <summary>Their member row is gone.</summary>
    public void Forgotten(long guild, long user) => _guilds.IfLoaded(guild)?.Remove(user);

    public void Reset() => _guilds.Reset();

    private long? FirstPostSince(long guild, long user, long joinedAt)
    {
        var end = joinedAt + FirstWeekMs;
        return sql.SelectFirstPost.FirstOrNull(guild, MessageIdRange.FirstIdAt(joinedAt), MessageIdRange.FirstIdAt(end), user, joinedAt, end)?.CreatedAt;
    }

    private void Set(long guild, long user, long joinedAt, long? firstPostAt)
    {
        sql.SetFirstPost.Defer(guild, user, firstPostAt);
        joins.SetFirstPost.Defer(guild, user, joinedAt, firstPostAt);
        _guilds.GetOrLoad(guild)[user] = new JoinedMember(joinedAt, firstPostAt);
    }
}
