using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// Stores what escalations and resolution read, as events say it: the roles a message mentions, a forum's solved tags,
/// a post's tags and a thread's archives and locks (<see cref="SupportMarksSql"/>). Which roles escalate, and whether a
/// closing came after an answer, are decided when read, so late settings and late answers need no rewrite here.
/// Not thread-safe: one writer thread.
/// </summary>
internal sealed class SupportMarks(DbConnection connection) : IDisposable
{
    private readonly PreparedStatement _insertRoleMention = PreparedStatement.Create(connection, SupportMarksSql.InsertRoleMention);
    private readonly PreparedStatement _deleteForumSolvedTags = PreparedStatement.Create(connection, SupportMarksSql.DeleteForumSolvedTags);
    private readonly PreparedStatement _insertForumSolvedTag = PreparedStatement.Create(connection, SupportMarksSql.InsertForumSolvedTag);
    private readonly PreparedStatement _upsertThreadTag = PreparedStatement.Create(connection, SupportMarksSql.UpsertThreadTag);
    private readonly PreparedStatement _insertArchive = PreparedStatement.Create(connection, SupportMarksSql.InsertArchive);
    private readonly PreparedStatement _deleteLaterLock = PreparedStatement.Create(connection, SupportMarksSql.DeleteLaterLock);
    private readonly PreparedStatement _insertFirstLock = PreparedStatement.Create(connection, SupportMarksSql.InsertFirstLock);

    /// <summary>The batch's threads whose tags or closings were written (their support facts are told as changed).</summary>
    public HashSet<(long Guild, long Thread)> Threads { get; } = [];

    /// <summary>The batch's guilds with a mark that may touch any thread (a forum's solved tags) or any message (a role mention).</summary>
    public Dictionary<long, bool> Guilds { get; } = [];

    /// <summary>A message's role mentions (a create seen again inserts nothing new).</summary>
    public void RoleMentions(long guild, long message, RoleIdList roles)
    {
        // The message's own thread or channel is told changed by the message's create.
        Guilds.TryAdd(guild, false);
        foreach (var role in roles)
        {
            _insertRoleMention.Defer(guild, message, (long)role);
        }
    }

    /// <summary>A forum's solved tags as the channel event lists them now.</summary>
    public void ForumSolvedTags(long guild, long channel, RoleIdList tags)
    {
        Guilds[guild] = true;
        _deleteForumSolvedTags.Defer(guild, channel);
        foreach (var tag in tags)
        {
            _insertForumSolvedTag.Defer(guild, channel, (long)tag);
        }
    }

    /// <summary>A thread's state observed at <paramref name="seenAt"/>.</summary>
    public void Thread(long guild, long thread, ThreadStatus status, long seenAt)
    {
        Threads.Add((guild, thread));
        var archivedAt = status.Archived ? status.ArchivedAt : null;
        // An archived post cannot be tagged: its tags were there by its archive time.
        var taggedBy = archivedAt is { } archive && archive < seenAt ? archive : seenAt;
        foreach (var tag in status.AppliedTagIds)
        {
            _upsertThreadTag.Defer(guild, thread, (long)tag, taggedBy);
        }

        if (archivedAt is { } at)
        {
            _insertArchive.Defer(guild, thread, at);
        }
        else if (status.Locked || status.Archived)
        {
            _deleteLaterLock.Defer(guild, thread, seenAt);
            _insertFirstLock.Defer(guild, thread, seenAt, guild, thread);
        }
    }

    /// <summary>Forgets what the batch touched.</summary>
    public void Clear()
    {
        Threads.Clear();
        Guilds.Clear();
    }

    public void Dispose()
    {
        _insertRoleMention.Dispose();
        _deleteForumSolvedTags.Dispose();
        _insertForumSolvedTag.Dispose();
        _upsertThreadTag.Dispose();
        _insertArchive.Dispose();
        _deleteLaterLock.Dispose();
        _insertFirstLock.Dispose();
    }
}
