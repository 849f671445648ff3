using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;
using DiscordAnalytics.Core.Ingestion.Postgres;
using DiscordAnalytics.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// On PostgreSQL, which message and reaction facts of a batch's creates and reaction adds, and which raw event rows of
/// its other events, are certainly not in the store yet, so their inserts change one row each and need not be waited for: they
/// go as one multi-row insert per table with the next round trip (<see cref="UnnestInsert"/>), where each used to cost one. Known from one query per batch
/// (which of the batch's keys are stored) and from the batch itself: a key an earlier event of the batch may have
/// written (a second create of a message, a delete before its create, a removal before its add) goes the way every
/// statement goes, run and read. So a create or an add takes the same branch as when its insert's count was read.
/// Another writer that inserts one of the keys meanwhile makes the queued insert change no row, and the batch fails to
/// be written again (<see cref="Postgres.ConcurrentWriteException"/>). On SQLite, where a statement is a call in the
/// same process, nothing is known absent and every statement runs as before.
/// </summary>
internal sealed class AbsentFacts
{
    // The writer's InsertMessageFact and AddReactionFact for many rows at once (isCreated TRUE, nothing removed).
    private const string InsertMessageFactsSql = """
        INSERT INTO messageFacts (guildId, messageId, channelId, threadId, authorId, isBot, createdAt, day, excerpt, referencedMessageId, kinds, contentLength, emojis, isCreated)
        SELECT guildId, messageId, channelId, threadId, authorId, isBot, createdAt, day, excerpt, referencedMessageId, kinds, contentLength, emojis, TRUE
        FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            AS k(guildId, messageId, channelId, threadId, authorId, isBot, createdAt, day, excerpt, referencedMessageId, kinds, contentLength, emojis)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertReactionFactsSql = """
        INSERT INTO reactionFacts (guildId, messageId, emoji, userId, channelId, day, isBot, createdAt)
        SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT DO NOTHING
        """;

    // Two statements of one round trip (an NpgsqlBatch: a text of two statements cannot be prepared).
    private const string StoredMessagesSql = """
        SELECT m.guildId, m.messageId, m.day, m.authorId IS NOT NULL FROM messageFacts m
        JOIN unnest($1::bigint[], $2::bigint[]) AS k(guildId, messageId) ON m.guildId = k.guildId AND m.messageId = k.messageId
        """;

    private const string StoredReactionsSql = """
        SELECT r.guildId, r.messageId, r.emoji, r.userId FROM reactionFacts r
        JOIN unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[]) AS k(guildId, messageId, emoji, userId)
            ON r.guildId = k.guildId AND r.messageId = k.messageId AND r.emoji = k.emoji AND r.userId = k.userId
        """;

    private const string StoredEventsSql = """
        SELECT a.guildId, a.keyAt, a.eventType, a.eventId FROM analyticsEvents a
        JOIN unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS k(guildId, keyAt, eventType, eventId)
            ON a.guildId = k.guildId AND a.keyAt = k.keyAt AND a.eventType = k.eventType AND a.eventId = k.eventId
        """;

    private readonly NpgsqlConnection? _npgsql;
    private readonly UnnestInsert? _messageFacts;
    private readonly UnnestInsert? _reactionFacts;
    private readonly UnnestInsert? _rawEvents;

    public AbsentFacts(DbConnection connection)
    {
        if (connection is not NpgsqlConnection npgsql)
        {
            return;
        }

        _npgsql = npgsql;
        const NpgsqlDbType Bigint = NpgsqlDbType.Bigint, Integer = NpgsqlDbType.Integer, Boolean = NpgsqlDbType.Boolean, Text = NpgsqlDbType.Text;
        _messageFacts = new UnnestInsert(InsertMessageFactsSql, Bigint, Bigint, Bigint, Bigint, Bigint, Boolean, Bigint, Integer, Text, Bigint, Integer, Integer, Text);
        _reactionFacts = new UnnestInsert(InsertReactionFactsSql, Bigint, Bigint, Text, Bigint, Bigint, Integer, Boolean, Bigint);
        _rawEvents = new UnnestInsert(MultiRowSql.Of(IngestionSql.InsertEvent), Bigint, Bigint, Text, Text, Bigint, Bigint, Bigint, Bigint, Bigint, Text, Boolean);
        var pipeline = StatementPipeline.Of(npgsql);
        pipeline.Register(_messageFacts);
        pipeline.Register(_reactionFacts);
        pipeline.Register(_rawEvents);
    }

    /// <summary>Message facts stored before the batch, among its creates' and edits': each one's day, and whether it has an author.</summary>
    private readonly Dictionary<(long Guild, long Message), (int Day, bool HasAuthor)> _storedMessages = [];

    /// <summary>Reaction facts stored before the batch, among its adds'.</summary>
    private readonly HashSet<(long Guild, long Message, string Emoji, long Reactor)> _storedReactions = [];

    /// <summary>Facts the batch's creates inserted as certainly absent (with their author), and each one's day.</summary>
    private readonly Dictionary<(long Guild, long Message), int> _created = [];

    /// <summary>Messages an earlier event of the batch may have given a fact (any event naming the message).</summary>
    private readonly HashSet<(long Guild, long Message)> _messagesWritten = [];

    /// <summary>
    /// Messages an earlier reaction removal named: it may have stored a reaction fact (a removal of one never seen is kept
    /// as a row, so the add arriving later, older, stays removed). Nothing else but an add writes a reaction fact, and a
    /// delete only takes them away, which leaves an absent key absent.
    /// </summary>
    private readonly HashSet<(long Guild, long Message)> _messagesChanged = [];

    /// <summary>Reactions an earlier add of the batch wrote.</summary>
    private readonly HashSet<(long Guild, long Message, string Emoji, long Reactor)> _reactionsWritten = [];

    /// <summary>Raw event keys stored before the batch, among its events' (every kind but creates and reaction adds).</summary>
    private readonly HashSet<(long Guild, long KeyAt, string Type, string Id)> _storedEvents = [];

    /// <summary>Raw event keys an earlier event of the batch inserted.</summary>
    private readonly HashSet<(long Guild, long KeyAt, string Type, string Id)> _eventsWritten = [];

    /// <summary>An earlier event of the batch forgot a member: its deletes reach rows by author, not by key, so nothing is known absent after it.</summary>
    private bool _unknown;

    /// <summary>Inserts an absent message fact (<see cref="IsAbsent(MessageCreated)"/>) with the next round trip: the values of <c>InsertMessageFact</c>.</summary>
    public void InsertMessageFact(params ReadOnlySpan<StatementValue> row) => _messageFacts!.Add(row);

    /// <summary>Inserts an absent reaction fact (<see cref="IsAbsent(ReactionAdded)"/>) with the next round trip: the values of <c>AddReactionFact</c>.</summary>
    public void InsertReactionFact(params ReadOnlySpan<StatementValue> row) => _reactionFacts!.Add(row);

    /// <summary>
    /// Inserts an absent raw event row (<see cref="IsAbsent(long, IngestEvent)"/>) with the next round trip: the values of
    /// <c>InsertEvent</c>. Nothing the writer queues reads or deletes raw rows (a forget's delete waits for its answer, so
    /// it sends these first).
    /// </summary>
    public void InsertRawEvent(params ReadOnlySpan<StatementValue> row) => _rawEvents!.Add(row);

    /// <summary>Finds which of the batch's message and reaction keys the store holds: one round trip, nothing on SQLite.</summary>
    public void BeginBatch(IReadOnlyList<IngestEvent> events)
    {
        _storedMessages.Clear();
        _storedReactions.Clear();
        _messagesWritten.Clear();
        _created.Clear();
        _messagesChanged.Clear();
        _reactionsWritten.Clear();
        _storedEvents.Clear();
        _eventsWritten.Clear();
        _unknown = _npgsql is null;
        if (_npgsql is not { } npgsql)
        {
            return;
        }

        List<long> messageGuilds = [], messages = [], reactionGuilds = [], reactionMessages = [], reactors = [];
        List<string> emojis = [];
        List<long> eventGuilds = [], eventKeyTimes = [];
        List<string> eventTypes = [], eventIds = [];
        foreach (var e in events)
        {
            if (e.Type is not (IngestEventType.MessageCreate or IngestEventType.ReactionAdd))
            {
                eventGuilds.Add((long)e.GuildId);
                eventKeyTimes.Add(e.KeyAt);
                eventTypes.Add(e.TypeName);
                eventIds.Add(e.EventId);
            }

            if (e.Type is IngestEventType.MessageCreate or IngestEventType.MessageUpdate && e is { MessageId: { } message })
            {
                messageGuilds.Add((long)e.GuildId);
                messages.Add((long)message);
            }
            else if (e.Type == IngestEventType.ReactionAdd && e is { MessageId: { } reacted, Emoji: { } emoji, UserId: { } reactor })
            {
                reactionGuilds.Add((long)e.GuildId);
                reactionMessages.Add((long)reacted);
                emojis.Add(emoji);
                reactors.Add((long)reactor);
            }
        }

        if (messages.Count == 0 && reactors.Count == 0 && eventIds.Count == 0)
        {
            return;
        }

        StatementPipeline.Of(npgsql).Flush();
        using var batch = new NpgsqlBatch(npgsql);
        var storedMessages = new NpgsqlBatchCommand(StoredMessagesSql);
        storedMessages.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = messageGuilds });
        storedMessages.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = messages });
        var storedReactions = new NpgsqlBatchCommand(StoredReactionsSql);
        storedReactions.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = reactionGuilds });
        storedReactions.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = reactionMessages });
        storedReactions.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = emojis });
        storedReactions.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = reactors });
        var storedEvents = new NpgsqlBatchCommand(StoredEventsSql);
        storedEvents.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = eventGuilds });
        storedEvents.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = eventKeyTimes });
        storedEvents.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = eventTypes });
        storedEvents.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = eventIds });
        batch.BatchCommands.Add(storedMessages);
        batch.BatchCommands.Add(storedReactions);
        batch.BatchCommands.Add(storedEvents);
        using var reader = batch.ExecuteReader();
        while (reader.Read())
        {
            _storedMessages[(reader.GetInt64(0), reader.GetInt64(1))] = (reader.GetInt32(2), reader.GetBoolean(3));
        }

        reader.NextResult();
        while (reader.Read())
        {
            _storedReactions.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3)));
        }

        reader.NextResult();
        while (reader.Read())
        {
            _storedEvents.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        }
    }

    /// <summary>An event other than a create or a reaction add is applied: what it names may be written from now on.</summary>
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
        else if (e.MessageId is { } message && e.Type != IngestEventType.MessageUpdate)
        {
            // An edit changes a stored fact, never adds one: what it names stays as absent as it was.
            _messagesWritten.Add(((long)e.GuildId, (long)message));
            if (e.Type == IngestEventType.ReactionRemove)
            {
                _messagesChanged.Add(((long)e.GuildId, (long)message));
            }
        }
    }

    /// <summary>Whether the create's fact is certainly absent, so its insert adds it; the message counts as written from now on.</summary>
    public bool IsAbsent(MessageCreated created)
    {
        if (_unknown)
        {
            return false;
        }

        var key = (created.Guild, created.Message);
        if (!_messagesWritten.Add(key) || _storedMessages.ContainsKey(key))
        {
            return false;
        }

        // The day the create's handler stores (its time's).
        _created[key] = DayBucket.FromUnixMs(created.At);
        return true;
    }

    /// <summary>
    /// Whether the raw row of <paramref name="e"/> (any kind but a create or a reaction add) is certainly absent, so its
    /// insert adds it; the key counts as written from now on. A forget deletes raw rows but never adds one, so it leaves
    /// an absent key absent.
    /// </summary>
    public bool IsAbsent(long guild, IngestEvent e)
    {
        if (_npgsql is null)
        {
            return false;
        }

        var key = (guild, e.KeyAt, e.TypeName, e.EventId);
        return _eventsWritten.Add(key) && !_storedEvents.Contains(key);
    }

    /// <summary>
    /// What an edit's update of the message's fact changes, when known without waiting for its answer (PostgreSQL): true
    /// with the fact's day when the fact was stored with its author before the batch or inserted as certainly absent by an
    /// earlier create of it (nothing but a forget takes an author away, nor changes a day), true with null when no fact of the message is stored nor written by an earlier event of
    /// the batch (the update changes nothing); false when only the update's answer can tell.
    /// </summary>
    public bool KnowsEdit(long guild, long message, out int? day)
    {
        day = null;
        if (_unknown)
        {
            return false;
        }

        var key = (guild, message);
        if (_created.TryGetValue(key, out var createdDay))
        {
            // Created by an earlier event of the batch, its insert not sent yet: queued here, so it runs before the update.
            StatementPipeline.Of(_npgsql!).QueueInserts();
            day = createdDay;
            return true;
        }

        if (_storedMessages.TryGetValue(key, out var stored))
        {
            day = stored.HasAuthor ? stored.Day : null;
            return stored.HasAuthor;
        }

        return !_messagesWritten.Contains(key);
    }

    /// <summary>Whether the add's fact is certainly absent, so its insert adds it; the reaction counts as written from now on.</summary>
    public bool IsAbsent(ReactionAdded added)
    {
        if (_unknown)
        {
            return false;
        }

        var key = (added.Guild, added.Message, added.Emoji, added.Reactor);
        return _reactionsWritten.Add(key) && !_storedReactions.Contains(key) && !_messagesChanged.Contains((added.Guild, added.Message));
    }
}
