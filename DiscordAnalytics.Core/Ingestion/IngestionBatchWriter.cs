using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Applies a batch of normalized events to the store in ONE transaction: raw events (deduped by key),
/// message and reaction facts (reactions as state), and the rollups, so a crash can never leave rollups
/// and events disagreeing. The single writer of the store; not thread-safe by design.
/// </summary>
public sealed partial class IngestionBatchWriter : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _guildMode;
    private readonly ILogger _logger;
    private readonly RollupDeltas _deltas = new();
    private readonly Dictionary<(long Guild, long Channel), ChannelShape> _channels = [];
    private readonly HashSet<long> _guildsWithChannelsLoaded = [];

    /// <summary>
    /// Per guild, the newest backfill reaction snapshot (<c>max(observedAt)</c> of reactionCounts; long.MinValue
    /// when none). A reaction added after it cannot have been counted anonymously, so the writer skips the
    /// lookup: that is every live reaction, and the lookup cost as much as the reaction's own insert.
    /// </summary>
    private readonly Dictionary<long, long> _newestSnapshotAt = [];
    private readonly ReactionBlocks _blocks = new();
    private readonly ForgottenMembers _forgotten = new();
    private readonly MemberActivation _activation = new();
    private readonly byte[] _quarterHourCounts = new byte[QuarterHourCounts.StoredLength];
    private readonly WalCheckpointer _checkpointer;
    private readonly IStoreWriteHook? _hook;

    /// <summary>Events committed since the last checkpoint request: bulk ingestion asks after every batch, live every few minutes.</summary>
    private int _sinceCheckpoint;
    private SqliteConnection? _connection;
    private IngestionStatements? _sql;

    /// <param name="connectionString">SQLite connection string of the store.</param>
    /// <param name="guildMode">Mode recorded for guilds this writer creates: <c>live</c> or <c>demo</c>.</param>
    /// <param name="hook">Runs on the connection before each batch; the app has none (see <see cref="IStoreWriteHook"/>).</param>
    public IngestionBatchWriter(string connectionString, string guildMode, ILogger logger, IStoreWriteHook? hook = null)
    {
        _connectionString = connectionString;
        _guildMode = guildMode;
        _logger = logger;
        _hook = hook;
        _checkpointer = new WalCheckpointer(connectionString, logger);
    }

    /// <summary>Events after which a commit asks for a background checkpoint of the log.</summary>
    internal const int CheckpointEveryEvents = 1_000;

    /// <summary>Completes when no background checkpoint is running.</summary>
    internal Task CheckpointIdleAsync() => _checkpointer.IdleAsync();

    /// <summary>Writes the batch; returns how many events were new (not duplicates) and how many were rejected as invalid.</summary>
    public async Task<BatchOutcome> WriteAsync(IReadOnlyList<IngestEvent> events, CancellationToken cancellationToken)
    {
        var sql = await OpenAsync(cancellationToken);
        _hook?.BeforeBatch(_connection!);
        await using var transaction = (SqliteTransaction)await _connection!.BeginTransactionAsync(cancellationToken);
        _deltas.Clear();
        _forgetIn.Clear();
        int applied = 0, rejected = 0;
        try
        {
            foreach (var e in events)
            {
                var problem = e.Validate();
                if (problem is not null)
                {
                    rejected++;
                    // Ids and types only: never content, never anything a source might have carried as a secret.
                    _logger.LogWarning("Skipped invalid {EventType} event for guild {GuildId}: {Problem}", e.TypeName, e.GuildId, problem);
                }
                else if (Apply(sql, e))
                {
                    applied++;
                }

                if (e.DeadLetterId is { } deadLetter)
                {
                    RemoveDeadLetter(transaction, deadLetter);
                }
            }

            FlushDeltas(sql);
            await transaction.CommitAsync(cancellationToken);
            _sinceCheckpoint += events.Count;
            if (_sinceCheckpoint >= CheckpointEveryEvents)
            {
                _sinceCheckpoint = 0;
                _checkpointer.Request();
            }

            return new BatchOutcome(applied, rejected, [.. _deltas.LastEventAt.Keys.Union(_forgetIn).Select(g => (ulong)g)]);
        }
        catch
        {
            // The transaction rolls back on dispose; forget cached shapes that may not have been stored.
            _channels.Clear();
            _guildsWithChannelsLoaded.Clear();
            _newestSnapshotAt.Clear();
            _blocks.Forget();
            _forgotten.Forget();
            _activation.Forget();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _checkpointer.DisposeAsync();
        _sql?.Dispose();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task<IngestionStatements> OpenAsync(CancellationToken cancellationToken)
    {
        if (_sql is not null)
        {
            return _sql;
        }

        _connection = await SqlitePragmas.OpenAsync(_connectionString, cancellationToken);
        // Checkpoints run beside the writer (WalCheckpointer); its own commits checkpoint only past this bound.
        await using (var autoCheckpoint = _connection.CreateCommand())
        {
            autoCheckpoint.CommandText = $"PRAGMA wal_autocheckpoint={WalCheckpointer.WriterAutoCheckpointPages}";
            await autoCheckpoint.ExecuteNonQueryAsync(cancellationToken);
        }

        _sql = new IngestionStatements(_connection);
        return _sql;
    }

    /// <summary>Applies one valid event; false when it was a duplicate.</summary>
    private bool Apply(IngestionStatements sql, IngestEvent e)
    {
        var guild = (long)e.GuildId;
        if (e.UserId is { } user && _forgotten.Contains(sql, guild, (long)user))
        {
            // A forgotten member: nothing of theirs is stored or counted, whichever source sends it (live, backfill, demo).
            return false;
        }

        switch (e.Type)
        {
            case IngestEventType.MemberForget:
                ForgetMember(sql, guild, (long)e.UserId!.Value, e.EventAt);
                return true;
            case IngestEventType.GuildUpsert:
                sql.UpsertGuild.Execute(guild, Clip(e.Name), _guildMode);
                return true;
            case IngestEventType.ChannelUpsert:
                UpsertChannel(sql, e);
                return true;
            case IngestEventType.MemberUpsert:
                sql.UpsertMember.Execute(guild, (long)e.UserId!.Value, Clip(e.Name) ?? string.Empty, e.IsBot);
                return true;
        }

        var (channel, thread) = Resolve(sql, guild, e.ChannelId);

        // A create and a reaction add, nearly every event, write one row: their fact, whose key is their
        // dedupe key (the message id; the reaction's state and time), so they keep no raw event row.
        if (e.Type is IngestEventType.MessageCreate or IngestEventType.ReactionAdd)
        {
            var isNew = e.Type == IngestEventType.MessageCreate
                ? MessageCreated(sql, e, guild, channel!.Value, thread)
                : ReactionAdded(sql, e, guild, channel!.Value);
            if (isNew)
            {
                _deltas.Seen(guild, e.EventAt);
            }

            return isNew;
        }

        if (sql.InsertEvent.Execute(guild, e.KeyAt, e.TypeName, e.EventId, e.EventAt, channel, thread, (long?)e.MessageId, (long?)e.UserId, e.Emoji, e.IsBot) == 0)
        {
            return false;
        }

        _deltas.Seen(guild, e.EventAt);
        switch (e.Type)
        {
            case IngestEventType.ThreadCreate:
                ThreadCreated(sql, e);
                break;
            case IngestEventType.MemberAdd:
                sql.MemberJoined.Execute(guild, (long)e.UserId!.Value, Clip(e.Name) ?? string.Empty, e.IsBot, e.EventAt);
                _activation.JoinedAt(sql, guild, (long)e.UserId!.Value, e.EventAt);
                _deltas.Guild(guild, DayBucket.Of(e.EventAt), e.IsBot).Joins++;
                break;
            case IngestEventType.MemberRemove:
                // A member who already left (a redelivered leave: it has no id to dedupe by) leaves no second time.
                if (sql.MemberLeft.Execute(guild, (long)e.UserId!.Value, e.IsBot, e.EventAt) == 1)
                {
                    _deltas.Guild(guild, DayBucket.Of(e.EventAt), e.IsBot).Leaves++;
                }

                break;
            case IngestEventType.MessageUpdate:
                using (var edited = sql.UpdateMessageFact.Query(guild, (long)e.MessageId!.Value, Excerpt(e.Excerpt), e.EditedAt ?? e.EventAt))
                {
                    if (edited.Read())
                    {
                        _deltas.ExcerptDays.Add((guild, edited.GetInt32(0)));
                    }
                }

                break;
            case IngestEventType.MessageDelete:
                MessageDeleted(sql, e, guild, channel, thread);
                break;
            case IngestEventType.ReactionRemove:
                ReactionRemoved(sql, e, guild, channel!.Value);
                break;
            case IngestEventType.ReactionRemoveAll:
                RecordClear(sql, guild, (long)e.MessageId!.Value, string.Empty, e.EventAt);
                SubtractReactions(sql.RemoveReactionFactsOfMessage, guild, (long)e.MessageId!.Value, guild, (long)e.MessageId!.Value, e.EventAt);
                SubtractAnonymous(sql.DeleteReactionCountsOfMessage, guild, (long)e.MessageId!.Value, guild, (long)e.MessageId!.Value);
                break;
            case IngestEventType.ReactionRemoveEmoji:
                RecordClear(sql, guild, (long)e.MessageId!.Value, e.Emoji!, e.EventAt);
                SubtractReactions(sql.RemoveReactionFactsOfEmoji, guild, (long)e.MessageId!.Value, guild, (long)e.MessageId!.Value, e.Emoji, e.EventAt);
                SubtractAnonymous(sql.DeleteReactionCountsOfEmoji, guild, (long)e.MessageId!.Value, guild, (long)e.MessageId!.Value, e.Emoji);
                break;
            case IngestEventType.ReactionCount:
                ReactionCounted(sql, e, guild, channel!.Value);
                break;
        }

        return true;
    }

    private void UpsertChannel(IngestionStatements sql, IngestEvent e)
    {
        var guild = (long)e.GuildId;
        var type = e.ChannelType ?? (e.Type == IngestEventType.ThreadCreate ? 11 : 0);
        var isThread = type is 10 or 11 or 12;
        var parent = (long?)e.ParentId;
        sql.UpsertChannel.Execute(guild, (long)e.ChannelId!.Value, Clip(e.Name) ?? string.Empty, type, parent, isThread);
        EnsureChannelsLoaded(sql, guild);
        var key = (guild, (long)e.ChannelId.Value);
        var known = _channels.GetValueOrDefault(key);
        _channels[key] = new ChannelShape(parent ?? known.ParentId, isThread);
    }

    private void ThreadCreated(IngestionStatements sql, IngestEvent e)
    {
        UpsertChannel(sql, e);
        var guild = (long)e.GuildId;
        var day = DayBucket.Of(e.EventAt);
        var countedIn = (long?)e.ParentId ?? (long)e.ChannelId!.Value;
        _deltas.Channel(guild, day, countedIn, e.IsBot).Threads++;
        if (e.UserId is { } owner)
        {
            _deltas.Member(guild, day, (long)owner, e.IsBot).Threads++;
        }
    }

    /// <summary>Records a create; false when it was seen before (its message fact exists and was created).</summary>
    private bool MessageCreated(IngestionStatements sql, IngestEvent e, long guild, long channel, long? thread)
    {
        var message = (long)e.MessageId!.Value;
        var author = (long)e.UserId!.Value;
        var day = DayBucket.Of(e.EventAt);
        var excerpt = Excerpt(e.Excerpt);
        var inserted = sql.InsertMessageFact.Execute(guild, message, channel, thread, author, e.IsBot, e.EventAt, day, excerpt, (long?)e.ReferencedMessageId) == 1;
        if (!inserted)
        {
            // Known already: a tombstone whose delete came first is filled in (the message stays
            // uncounted); anything else is this create seen again.
            return sql.FillTombstone.Execute(guild, message, author, e.IsBot, excerpt) == 1;
        }

        _deltas.Channel(guild, day, channel, e.IsBot).Messages++;
        _deltas.Member(guild, day, author, e.IsBot).Messages++;
        _deltas.QuarterHour(guild, e.EventAt, channel, e.IsBot, +1);
        if (!e.IsBot)
        {
            _deltas.ExcerptDays.Add((guild, day));
        }

        _activation.Posted(sql, guild, author, e.EventAt);
        return true;
    }

    private void MessageDeleted(IngestionStatements sql, IngestEvent e, long guild, long? channel, long? thread)
    {
        var message = (long)e.MessageId!.Value;
        long deletedIn;
        bool isBot;
        (long Author, long CreatedAt)? counted = null;
        using (var reader = sql.MarkMessageDeleted.Query(guild, message, e.EventAt))
        {
            if (reader.Read())
            {
                deletedIn = reader.GetInt64(0);
                var day = reader.GetInt32(1);
                isBot = reader.GetBoolean(3);
                if (!isBot)
                {
                    _deltas.ExcerptDays.Add((guild, day));
                }

                if (reader.GetBoolean(4) && !reader.IsDBNull(2))
                {
                    counted = (reader.GetInt64(2), reader.GetInt64(5));
                    _deltas.Channel(guild, day, deletedIn, isBot).Messages--;
                    _deltas.Member(guild, day, counted.Value.Author, isBot).Messages--;
                    _deltas.QuarterHour(guild, counted.Value.CreatedAt, deletedIn, isBot, -1);
                }
            }
            else
            {
                // Never seen: keep a tombstone so a late create or reaction is not counted (channel 0 when
                // the delete did not say where; it then counts in no channel's deletes).
                var createdAt = Snowflake.ToUnixMs(e.MessageId.Value);
                deletedIn = channel ?? 0;
                isBot = false;
                sql.InsertTombstone.Execute(guild, message, deletedIn, thread, createdAt, DayBucket.Of(createdAt), e.EventAt);
            }
        }

        if (deletedIn != 0)
        {
            _deltas.Channel(guild, DayBucket.Of(e.EventAt), deletedIn, isBot).Deleted++;
        }

        if (counted is { } post)
        {
            _activation.Deleted(sql, guild, post.Author, post.CreatedAt);
        }

        TakeReactionsOf(sql, guild, message);
    }

    /// <summary>
    /// A message that is gone (deleted, or its author forgotten) takes its reactions with it and leaves top content;
    /// reactions added to it later are blocked.
    /// </summary>
    private void TakeReactionsOf(IngestionStatements sql, long guild, long message)
    {
        _blocks.MessageDeleted(sql, guild, message);
        SubtractReactions(sql.DeleteReactionFactsOfMessage, guild, message, guild, message);
        SubtractAnonymous(sql.DeleteReactionCountsOfMessage, guild, message, guild, message);
    }

    /// <summary>Records an add; false when it changed no state (already present, or older than its removal).</summary>
    private bool ReactionAdded(IngestionStatements sql, IngestEvent e, long guild, long channel)
    {
        var message = (long)e.MessageId!.Value;
        var reactor = (long)e.UserId!.Value;
        var day = MessageDay(e.MessageId.Value);
        if (_blocks.Blocks(sql, guild, message, e.Emoji!, e.EventAt))
        {
            return false;
        }

        if (sql.AddReactionFact.Execute(guild, message, e.Emoji, reactor, channel, day, e.IsBot, e.EventAt) == 0)
        {
            sql.RefreshReactionFact.Execute(guild, message, e.Emoji, reactor, e.EventAt);
            return false;
        }

        _deltas.Channel(guild, day, channel, e.IsBot).Reactions++;
        _deltas.Member(guild, day, reactor, e.IsBot).Reactions++;
        _deltas.Message(guild, message, day, channel).AddReaction(e.IsBot, +1);

        // Added before a backfill snapshot that counted it anonymously: now we know who, so it leaves the anonymous count.
        if (NewestSnapshotAt(sql, guild) >= e.EventAt)
        {
            TakeAnonymous(sql.TakeAnonymousReactionBefore, guild, message, e.Emoji!, e.EventAt);
        }

        return true;
    }

    /// <summary>A REMOVE_ALL (emoji empty) or REMOVE_EMOJI: kept in the store and in the writer's memory alike.</summary>
    private void RecordClear(IngestionStatements sql, long guild, long message, string emoji, long at)
    {
        sql.RecordReactionClear.Execute(guild, message, emoji, at);
        _blocks.Cleared(sql, guild, message, emoji, at);
    }

    private void ReactionRemoved(IngestionStatements sql, IngestEvent e, long guild, long channel)
    {
        var message = (long)e.MessageId!.Value;
        var reactor = (long)e.UserId!.Value;
        if (SubtractReactions(sql.RemoveReactionFact, guild, message, guild, message, e.Emoji, reactor, e.EventAt) > 0)
        {
            return;
        }

        if (Scalar(sql.ReactionFactExists, guild, message, e.Emoji, reactor) == 0)
        {
            // A reactor we never identified: after a backfill snapshot it was one of the anonymous reactors it counted.
            TakeAnonymous(sql.TakeAnonymousReactionAfter, guild, message, e.Emoji!, e.EventAt);
        }

        var day = MessageDay(e.MessageId.Value);
        sql.RecordReactionRemoval.Execute(guild, message, e.Emoji, reactor, channel, day, e.IsBot, e.EventAt);
    }

    /// <summary>
    /// A backfill snapshot (count per emoji, no reactor ids) sets the anonymous reactions of (message, emoji) to
    /// <c>max(0, count - identified reactors)</c>: state, not a delta, so repeating a snapshot changes nothing
    /// and reactions the gateway identified are never counted twice. An older snapshot never overrides a newer one.
    /// </summary>
    private void ReactionCounted(IngestionStatements sql, IngestEvent e, long guild, long channel)
    {
        var message = (long)e.MessageId!.Value;
        if (_blocks.IsDeleted(sql, guild, message))
        {
            return;
        }

        long previous = 0;
        using (var known = sql.SelectReactionCount.Query(guild, message, e.Emoji))
        {
            if (known.Read())
            {
                if (known.GetInt64(1) > e.EventAt)
                {
                    return;
                }

                previous = known.GetInt64(0);
            }
        }

        var identified = Scalar(sql.CountIdentifiedReactors, guild, message, e.Emoji);
        var anonymous = Math.Max(0, e.Count!.Value - identified);
        var day = MessageDay(e.MessageId.Value);
        sql.UpsertReactionCount.Execute(guild, message, e.Emoji, anonymous, channel, day, e.EventAt);
        _newestSnapshotAt[guild] = Math.Max(NewestSnapshotAt(sql, guild), e.EventAt);
        var delta = anonymous - previous;
        if (delta != 0)
        {
            _deltas.Channel(guild, day, channel, false).Reactions += delta;
            _deltas.Message(guild, message, day, channel).Score += delta;
        }
    }

    private void TakeAnonymous(PreparedStatement take, long guild, long message, string emoji, long eventAt)
    {
        using var reader = take.Query(guild, message, emoji, eventAt);
        if (reader.Read())
        {
            var channel = reader.GetInt64(0);
            var day = reader.GetInt32(1);
            _deltas.Channel(guild, day, channel, false).Reactions--;
            _deltas.Message(guild, message, day, channel).Score--;
        }
    }

    private void SubtractAnonymous(PreparedStatement delete, long guild, long message, params ReadOnlySpan<StatementValue> key)
    {
        using var reader = delete.Query(key);
        while (reader.Read())
        {
            var count = reader.GetInt32(0);
            var channel = reader.GetInt64(1);
            var day = reader.GetInt32(2);
            _deltas.Channel(guild, day, channel, false).Reactions -= count;
            _deltas.Message(guild, message, day, channel).Score -= count;
        }
    }

    private long NewestSnapshotAt(IngestionStatements sql, long guild)
    {
        if (!_newestSnapshotAt.TryGetValue(guild, out var newest))
        {
            using var reader = sql.NewestReactionSnapshot.Query(guild);
            newest = reader.Read() && !reader.IsDBNull(0) ? reader.GetInt64(0) : long.MinValue;
            _newestSnapshotAt[guild] = newest;
        }

        return newest;
    }

    private static long Scalar(PreparedStatement query, params ReadOnlySpan<StatementValue> values)
    {
        using var reader = query.Query(values);
        return reader.Read() ? reader.GetInt64(0) : 0;
    }

    /// <summary>Removes the matching reaction facts and subtracts those that were present; returns how many.</summary>
    private int SubtractReactions(PreparedStatement remove, long guild, long message, params ReadOnlySpan<StatementValue> key)
    {
        var removed = 0;
        using var reader = remove.Query(key);
        while (reader.Read())
        {
            if (!reader.GetBoolean(4))
            {
                continue;
            }

            removed++;
            var reactor = reader.GetInt64(0);
            var channel = reader.GetInt64(1);
            var day = reader.GetInt32(2);
            var isBot = reader.GetBoolean(3);
            _deltas.Channel(guild, day, channel, isBot).Reactions--;
            _deltas.Member(guild, day, reactor, isBot).Reactions--;
            _deltas.Message(guild, message, day, channel).AddReaction(isBot, -1);
        }

        return removed;
    }

    private void FlushDeltas(IngestionStatements sql)
    {
        foreach (var ((guild, day, channel, isBot), d) in _deltas.Channels)
        {
            if (d.Messages != 0 || d.Reactions != 0 || d.Threads != 0 || d.Deleted != 0)
            {
                sql.AddChannelDaily.Execute(guild, day, channel, isBot, d.Messages, d.Reactions, d.Threads, d.Deleted);
            }
        }

        foreach (var ((guild, day, channel, isBot), messages) in _deltas.QuarterHours)
        {
            AddQuarterHours(sql, guild, day, channel, isBot, messages);
        }

        foreach (var ((guild, day, user), d) in _deltas.Members)
        {
            if (d.Messages != 0 || d.Reactions != 0 || d.Threads != 0)
            {
                sql.AddMemberDaily.Execute(guild, day, user, d.IsBot, d.Messages, d.Reactions, d.Threads);
            }
        }

        foreach (var ((guild, day, isBot), d) in _deltas.Guilds)
        {
            sql.AddGuildDaily.Execute(guild, day, isBot, d.Joins, d.Leaves);
        }

        foreach (var ((guild, message), d) in _deltas.Content)
        {
            if (d.Score == 0 && d.BotScore == 0)
            {
                continue;
            }

            sql.AddTopContent.Execute(guild, message, d.Day, d.ChannelId, d.Score, d.BotScore);
            if (d.Score < 0 || d.BotScore < 0)
            {
                sql.DropEmptyTopContent.Execute(guild, message);
            }
        }

        foreach (var (guild, day) in _deltas.ExcerptDays)
        {
            sql.DropKeywordDay.Execute(guild, day);
        }

        foreach (var (guild, lastEventAt) in _deltas.LastEventAt)
        {
            sql.TouchGuild.Execute(guild, _guildMode, lastEventAt);
        }
    }

    /// <summary>
    /// Adds a channel-day's quarter-hour deltas to its stored counts: read, added and written back whole (SQL cannot
    /// add two blobs element-wise). One read and one write per channel and day of the batch.
    /// </summary>
    private void AddQuarterHours(IngestionStatements sql, long guild, int day, long channel, bool isBot, long[] deltas)
    {
        if (!deltas.AsSpan().ContainsAnyExcept(0))
        {
            return;
        }

        Span<long> counts = stackalloc long[QuarterHourCounts.PerDay];
        using (var stored = sql.SelectChannelDayQuarterHours.Query(guild, day, channel, isBot))
        {
            if (stored.Read())
            {
                QuarterHourCounts.AddTo(stored.GetBlob(0), counts);
            }
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += deltas[i];
        }

        QuarterHourCounts.Write(counts, _quarterHourCounts);
        sql.SetChannelDayQuarterHours.Execute(guild, day, channel, isBot, _quarterHourCounts);
    }

    /// <summary>Maps the channel an event names to (counted channel, thread): thread activity counts for the thread's parent.</summary>
    private (long? Channel, long? Thread) Resolve(IngestionStatements sql, long guild, ulong? channelId)
    {
        if (channelId is null)
        {
            return (null, null);
        }

        var channel = (long)channelId.Value;
        EnsureChannelsLoaded(sql, guild);
        return _channels.TryGetValue((guild, channel), out var shape) && shape.IsThread && shape.ParentId is { } parent
            ? (parent, channel)
            : (channel, null);
    }

    private void EnsureChannelsLoaded(IngestionStatements sql, long guild)
    {
        if (!_guildsWithChannelsLoaded.Add(guild))
        {
            return;
        }

        using var reader = sql.SelectChannels.Query(guild);
        while (reader.Read())
        {
            _channels[(guild, reader.GetInt64(0))] = new ChannelShape(reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetBoolean(2));
        }
    }

    /// <summary>
    /// The day a reaction counts on: its message's (from the snowflake), whatever the source, so the gateway and
    /// backfill (which sees only the message's reaction list, not when each was added) agree.
    /// </summary>
    private static int MessageDay(ulong messageId) => DayBucket.Of(Snowflake.ToUnixMs(messageId));

    private static string? Clip(string? name) =>
        name is null ? null : TextClip.ToLength(name, IngestEvent.MaxNameLength);

    private static string? Excerpt(string? content) =>
        string.IsNullOrEmpty(content) ? null : TextClip.ToLength(content, IngestEvent.MaxExcerptLength);

    private readonly record struct ChannelShape(long? ParentId, bool IsThread);
}
