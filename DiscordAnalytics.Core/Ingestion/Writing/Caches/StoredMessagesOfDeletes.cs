using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Postgres;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;
using DiscordAnalytics.Core.Storage.Entities;
using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// On PostgreSQL, what a batch's message deletes take, read in three statements at the batch's start instead of three
/// <c>RETURNING</c> statements waited for per delete: each deleted message's stored fact (what
/// <see cref="IngestionSql.MarkMessageDeleted"/> returns), its reaction facts and its anonymous reaction counts. A delete
/// of a message no earlier event of the batch named (a create, an edit, a reaction, a clear, another delete), with no
/// forget before it, knows from that read what its statements take, so they are queued expecting those rows. Any other
/// delete goes the way it always went, run and read. On SQLite nothing is known and every delete runs as before.
/// </summary>
internal sealed class StoredMessagesOfDeletes
{
    private const string Keys = "unnest($1::bigint[], $2::bigint[]) AS k(guildId, messageId)";

    private const string FactsSql = $"""
        SELECT m.guildId, m.messageId, m.channelId, m.day, m.authorId, m.isBot, m.isCreated, m.createdAt, m.kinds, m.contentLength, m.emojis, m.deletedAt IS NULL
        FROM {Keys} JOIN messageFacts m ON m.guildId = k.guildId AND m.messageId = k.messageId
        """;

    private const string ReactionsSql = $"""
        SELECT r.guildId, r.messageId, r.userId, r.channelId, r.day, r.isBot, r.removedAt IS NULL, r.emoji
        FROM {Keys} JOIN reactionFacts r ON r.guildId = k.guildId AND r.messageId = k.messageId
        """;

    private const string CountsSql = $"""
        SELECT c.guildId, c.messageId, c.anonymousCount, c.channelId, c.day, c.emoji
        FROM {Keys} JOIN reactionCounts c ON c.guildId = k.guildId AND c.messageId = k.messageId
        """;

    private readonly NpgsqlConnection? _npgsql;
    private readonly Dictionary<(long Guild, long Message), StoredDelete> _read = [];

    /// <summary>Messages an earlier event of the batch named.</summary>
    private readonly HashSet<(long Guild, long Message)> _named = [];

    /// <summary>An earlier event of the batch forgot a member: its deletes reach rows by author, so nothing read is known after it.</summary>
    private bool _unknown = true;

    public StoredMessagesOfDeletes(DbConnection connection) => _npgsql = connection as NpgsqlConnection;

    /// <summary>Reads what the batch's deletes take: three round trips when it has deletes, nothing on SQLite.</summary>
    public void BeginBatch(IReadOnlyList<IngestEvent> events)
    {
        _read.Clear();
        _named.Clear();
        _unknown = _npgsql is null;
        if (_npgsql is not { } npgsql)
        {
            return;
        }

        List<long> guilds = [], messages = [];
        foreach (var e in events)
        {
            if (e.Type == IngestEventType.MessageDelete && e.MessageId is { } message && _read.TryAdd(((long)e.GuildId, (long)message), new StoredDelete()))
            {
                guilds.Add((long)e.GuildId);
                messages.Add((long)message);
            }
        }

        if (guilds.Count == 0)
        {
            return;
        }

        (NpgsqlDbType, Array)[] keys = [(NpgsqlDbType.Bigint, guilds.ToArray()), (NpgsqlDbType.Bigint, messages.ToArray())];
        StoredDelete Of(NpgsqlDataReader reader) => _read[(reader.GetInt64(0), reader.GetInt64(1))];
        KeysRead.Run(npgsql, FactsSql, reader =>
        {
            var fact = new DeletedMessage(
                reader.GetInt64(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.GetBoolean(5), reader.GetBoolean(6), reader.GetInt64(7),
                reader.IsDBNull(8) ? null : (MessageKinds)reader.GetInt64(8), reader.IsDBNull(9) ? 0 : reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetString(10));
            var read = Of(reader);
            read.Fact = fact;
            read.NotDeleted = reader.GetBoolean(11);
        }, keys);
        KeysRead.Run(npgsql, ReactionsSql, reader => Of(reader).Reactions.Add(
            new TakenReaction(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetBoolean(5), reader.GetBoolean(6), reader.GetString(7))), keys);
        KeysRead.Run(npgsql, CountsSql, reader => Of(reader).Counts.Add(
            new DeletedReactionCount(reader.GetInt32(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetString(5))), keys);
    }

    /// <summary>An event other than a delete is about to be applied: what it names is not known from the start any more.</summary>
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
        else if (e.MessageId is { } message)
        {
            _named.Add(((long)e.GuildId, (long)message));
        }
    }

    /// <summary>
    /// What the delete of <paramref name="message"/> takes, when known from the batch's start; null when only its statements'
    /// answers can tell. The message counts as named from now on.
    /// </summary>
    public StoredDelete? Knows(long guild, long message) =>
        !_unknown && _named.Add((guild, message)) && _read.TryGetValue((guild, message), out var read) ? read : null;
}
