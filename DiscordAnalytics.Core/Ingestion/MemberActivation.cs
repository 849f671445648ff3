using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Keeps <c>members.firstPostAt</c>: each joined member's earliest counted message in the 7 x 24 hours from their latest
/// join, so new-member activation reads one row per new member instead of every message of their first weeks. The
/// writer's in-memory copy (join time and first post of every member with a join, loaded per guild on first use, like
/// <see cref="ForgottenMembers"/>): a create costs one lookup, and a write only when it is a new member's earliest post
/// of their first week. Part of the writer, not thread-safe; forgotten (and loaded again) when a batch rolls back.
/// </summary>
internal sealed class MemberActivation
{
    /// <summary>How long after a join a first post counts (activation's longest period).</summary>
    public const long FirstWeekMs = 7 * Storage.DayBucket.MillisecondsPerDay;

    private readonly Dictionary<long, Dictionary<long, Joined>> _guilds = [];

    /// <summary>A counted create: the member's first post when it is in their first week and earlier than the one known.</summary>
    public void Posted(IngestionStatements sql, long guild, long user, long createdAt)
    {
        if (JoinedMembersOf(sql, guild).TryGetValue(user, out var member)
            && createdAt >= member.At && createdAt < member.At + FirstWeekMs
            && (member.FirstPostAt is not { } known || createdAt < known))
        {
            Set(sql, guild, user, member.At, createdAt);
        }
    }

    /// <summary>A join (the latest one counts): the first post is looked up among messages already stored after it.</summary>
    public void JoinedAt(IngestionStatements sql, long guild, long user, long at) =>
        Set(sql, guild, user, at, FirstPostSince(sql, guild, user, at));

    /// <summary>A counted message was deleted: when it was the member's first post, the next one takes its place.</summary>
    public void Deleted(IngestionStatements sql, long guild, long user, long createdAt)
    {
        if (JoinedMembersOf(sql, guild).TryGetValue(user, out var member) && member.FirstPostAt == createdAt)
        {
            Set(sql, guild, user, member.At, FirstPostSince(sql, guild, user, member.At));
        }
    }

    /// <summary>Their member row is gone.</summary>
    public void Forgotten(long guild, long user) => _guilds.GetValueOrDefault(guild)?.Remove(user);

    public void Forget() => _guilds.Clear();

    private static long? FirstPostSince(IngestionStatements sql, long guild, long user, long joinedAt)
    {
        var end = joinedAt + FirstWeekMs;
        using var reader = sql.SelectFirstPost.Query(guild, MessageIdRange.FirstIdAt(joinedAt), MessageIdRange.FirstIdAt(end), user, joinedAt, end);
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetInt64(0) : null;
    }

    private void Set(IngestionStatements sql, long guild, long user, long joinedAt, long? firstPostAt)
    {
        sql.SetFirstPost.Execute(guild, user, firstPostAt);
        JoinedMembersOf(sql, guild)[user] = new Joined(joinedAt, firstPostAt);
    }

    private Dictionary<long, Joined> JoinedMembersOf(IngestionStatements sql, long guild)
    {
        if (!_guilds.TryGetValue(guild, out var members))
        {
            members = [];
            using var reader = sql.SelectMemberJoins.Query(guild);
            while (reader.Read())
            {
                members[reader.GetInt64(0)] = new Joined(reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
            }

            _guilds[guild] = members;
        }

        return members;
    }

    private readonly record struct Joined(long At, long? FirstPostAt);
}
