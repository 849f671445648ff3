using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Postgres;
using DiscordAnalytics.Core.Ingestion.Writing.Events;
using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// On PostgreSQL, the stored reaction facts a batch's reaction removals name, read in one statement at the batch's start
/// instead of a <c>RETURNING</c> (and a count) waited for per removal: a removal whose reaction no earlier event of the
/// batch may have written knows from that read what its update takes (the present reaction, added no later than the
/// removal, with its channel, day and author kind for the deltas), so the update is queued, expecting that one row or none.
/// What an earlier event of the batch may have changed goes the way it always went, run and read: the same reaction added
/// or removed, its message deleted, cleared or counted by a snapshot (any event but a create, an edit or another reactor's
/// add or removal naming the message), or any forget (its deletes reach rows by author). On SQLite nothing is known and
/// every removal runs as before.
/// </summary>
internal sealed class StoredReactionsOfRemovals
{
    private const string Sql = """
        SELECT r.guildId, r.messageId, r.emoji, r.userId, r.channelId, r.day, r.isBot, r.createdAt, r.removedAt IS NULL
        FROM reactionFacts r
        JOIN unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[]) AS k(guildId, messageId, emoji, userId)
            ON r.guildId = k.guildId AND r.messageId = k.messageId AND r.emoji = k.emoji AND r.userId = k.userId
        """;

    private readonly NpgsqlConnection? _npgsql;

    /// <summary>The stored facts of the batch's removals' reactions, as they were at its start.</summary>
    private readonly Dictionary<(long Guild, long Message, string Emoji, long Reactor), StoredReaction> _stored = [];

    /// <summary>Reactions an earlier add or removal of the batch named.</summary>
    private readonly HashSet<(long Guild, long Message, string Emoji, long Reactor)> _reactionsTouched = [];

    /// <summary>Messages an earlier event of the batch named that may change any of their reactions (a delete, a clear, a snapshot's count).</summary>
    private readonly HashSet<(long Guild, long Message)> _messagesTouched = [];

    /// <summary>An earlier event of the batch forgot a member: nothing read at the start is known after it.</summary>
    private bool _unknown = true;

    public StoredReactionsOfRemovals(DbConnection connection) => _npgsql = connection as NpgsqlConnection;

    /// <summary>Reads the stored facts of the batch's removals' reactions: one round trip when it has removals, nothing on SQLite.</summary>
    public void BeginBatch(IReadOnlyList<IngestEvent> events)
    {
        _stored.Clear();
        _reactionsTouched.Clear();
        _messagesTouched.Clear();
        _unknown = _npgsql is null;
        if (_npgsql is not { } npgsql)
        {
            return;
        }

        List<long> guilds = [], messages = [], reactors = [];
        List<string> emojis = [];
        foreach (var e in events)
        {
            if (e.Type == IngestEventType.ReactionRemove && e is { MessageId: { } message, Emoji: { } emoji, UserId: { } reactor })
            {
                guilds.Add((long)e.GuildId);
                messages.Add((long)message);
                emojis.Add(emoji);
                reactors.Add((long)reactor);
            }
        }

        if (guilds.Count == 0)
        {
            return;
        }

        KeysRead.Run(
            npgsql,
            Sql,
            reader => _stored[(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3))] =
                new StoredReaction(reader.GetInt64(4), reader.GetInt32(5), reader.GetBoolean(6), reader.GetInt64(7), reader.GetBoolean(8)),
            (NpgsqlDbType.Bigint, guilds.ToArray()),
            (NpgsqlDbType.Bigint, messages.ToArray()),
            (NpgsqlDbType.Text, emojis.ToArray()),
            (NpgsqlDbType.Bigint, reactors.ToArray()));
    }

    /// <summary>An event other than a reaction removal is about to be applied: what it may change is not known from the start any more.</summary>
    public void Touched(IngestEvent e)
    {
        if (_unknown)
        {
            return;
        }

        if (e.Type == IngestEventType.MemberForget)
        {
            _unknown = true;
        }
        else if (e.Type == IngestEventType.ReactionAdd && e is { MessageId: { } message, Emoji: { } emoji, UserId: { } reactor })
        {
            _reactionsTouched.Add(((long)e.GuildId, (long)message, emoji, (long)reactor));
        }
        else if (e.MessageId is { } named && e.Type is not (IngestEventType.MessageCreate or IngestEventType.MessageUpdate))
        {
            _messagesTouched.Add(((long)e.GuildId, (long)named));
        }
    }

    /// <summary>
    /// Whether the removal's reaction is known from the batch's start (PostgreSQL, untouched by an earlier event of the
    /// batch): <paramref name="stored"/> is its fact then, or null when none is stored. The reaction counts as touched from now on.
    /// </summary>
    public bool Knows(ReactionRemoved removed, out StoredReaction? stored)
    {
        stored = null;
        if (_unknown)
        {
            return false;
        }

        var key = (removed.Guild, removed.Message, removed.Emoji, removed.Reactor);
        if (!_reactionsTouched.Add(key) || _messagesTouched.Contains((removed.Guild, removed.Message)))
        {
            return false;
        }

        stored = _stored.TryGetValue(key, out var fact) ? fact : null;
        return true;
    }
}
