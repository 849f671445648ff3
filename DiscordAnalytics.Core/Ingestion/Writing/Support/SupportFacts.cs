using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Writing.Caches;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;
using DiscordAnalytics.Core.Storage.SupportCommits;
using Npgsql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// Keeps <c>supportThreads</c> and <c>supportQuestions</c> in step with message facts: the handlers say which messages
/// a batch created or changed (deleted, forgotten, a thread started from one), and <see cref="Flush"/> recomputes, in
/// the batch's transaction, exactly the threads and channel stretches they touch. So the facts are never stale and a
/// read never writes. Not thread-safe: one writer thread.
/// </summary>
internal sealed class SupportFacts(DbConnection connection, ChannelShapes channels) : IDisposable
{
    private readonly SupportStatements _sql = new(connection);

    /// <summary>What escalations and resolution read: role mentions, solved tags, a thread's tags and closings.</summary>
    public SupportMarks Marks { get; } = new(connection);
    private readonly HashSet<(long Guild, long Message)> _changed = [];
    private readonly HashSet<(long Guild, long Thread)> _threads = [];
    private readonly HashSet<(long Guild, long Message)> _maybeThreads = [];
    private readonly Dictionary<(long Guild, long Channel), (long From, long To)> _channels = [];
    private readonly HashSet<(long Guild, long Message)> _reacted = [];

    /// <summary>A message was stored where the writer knows it went.</summary>
    public void Created(long guild, long message, long channel, long? thread, long at)
    {
        if (thread is { } inThread)
        {
            _threads.Add((guild, inThread));
            return;
        }

        // A thread may have been started from it (its id is the thread's).
        _maybeThreads.Add((guild, message));
        _channels[(guild, channel)] = _channels.TryGetValue((guild, channel), out var span)
            ? (Math.Min(span.From, at), Math.Max(span.To, at))
            : (at, at);
    }

    /// <summary>A stored message changed (deleted, forgotten, filled in): where it is is read at the flush.</summary>
    public void Changed(long guild, long message) => _changed.Add((guild, message));

    /// <summary>A message's reactions changed: told so the mentors' reactions on answers stay exact.</summary>
    public void Reacted(long guild, long message) => _reacted.Add((guild, message));

    /// <summary>A thread was stored: it may start from a message in its parent, which then no longer asks a question.</summary>
    public void ThreadSeen(long guild, long thread)
    {
        _threads.Add((guild, thread));
        _changed.Add((guild, thread));
    }

    /// <summary>
    /// The batch's changes per guild with each guild's new support version: told to the in-memory support items after the
    /// commit. A new list per batch, so the one handed over is never changed again.
    /// </summary>
    public List<SupportCommit> Commits { get; private set; } = [];

    /// <summary>Recomputes what the batch touched and steps each touched guild's support version; runs before the commit.</summary>
    public void Flush()
    {
        // PostgreSQL: the batch's reads in one statement each, not a round trip per message and thread (SupportReadsOnPostgres).
        var postgres = connection as NpgsqlConnection;
        var places = postgres is null ? null : SupportReadsOnPostgres.Places(postgres, _changed);
        foreach (var (guild, message) in _changed)
        {
            var place = places is null ? _sql.SelectPlace.FirstOrNull(guild, message) : places.TryGetValue((guild, message), out var read) ? read : null;
            if (place is { } at)
            {
                Created(guild, message, at.Channel, at.Thread, at.CreatedAt);
            }
        }

        foreach (var (guild, message) in _maybeThreads)
        {
            // The writer's copy of the channels, not a query per message: nearly every message may start a thread.
            if (!_threads.Contains((guild, message)) && channels.IsThread(guild, message))
            {
                _threads.Add((guild, message));
            }
        }

        var threads = postgres is null ? null : SupportReadsOnPostgres.Threads(postgres, _threads);
        foreach (var (guild, thread) in _threads)
        {
            if (threads is null)
            {
                ThreadFactsRefresh.Run(_sql, guild, thread);
            }
            else
            {
                ThreadFactsRefresh.Run(_sql, guild, thread, threads[(guild, thread)]);
            }
        }

        var starts = postgres is null ? null : QuestionStartsOnPostgres.Read(postgres, _channels);
        foreach (var ((guild, channel), (from, to)) in _channels)
        {
            QuestionFactsRefresh.Run(_sql, guild, channel, from, to, starts?[(guild, channel)]);
        }

        // Each kind of row the refreshes wrote as one statement (PostgreSQL), queued before the versions are stepped.
        _sql.SendWrites();
        Commits = Told();
        Clear();
    }

    /// <summary>One commit per guild the batch touched, its version stepped in the batch's transaction.</summary>
    private List<SupportCommit> Told()
    {
        var commits = new Dictionary<long, SupportCommit>();
        SupportCommit Of(long guild) => commits.TryGetValue(guild, out var commit) ? commit : commits[guild] = new SupportCommit(guild);
        foreach (var (guild, thread) in _threads.Concat(Marks.Threads))
        {
            Of(guild).Threads.Add(thread);
        }

        foreach (var ((guild, channel), (from, _)) in _channels)
        {
            Of(guild).Channels[channel] = from;
        }

        foreach (var (guild, message) in _reacted)
        {
            Of(guild).Reacted.Add(message);
        }

        foreach (var (guild, everything) in Marks.Guilds)
        {
            Of(guild).Everything |= everything;
        }

        foreach (var commit in commits.Values)
        {
            foreach (var row in _sql.BumpVersion.Rows(commit.Guild))
            {
                commit.Version = row.Version;
            }
        }

        return [.. commits.Values];
    }

    /// <summary>A batch begins: no commit of the previous one is carried over.</summary>
    public void BeginBatch()
    {
        Commits = [];
        Clear();
    }

    /// <summary>Forgets what the batch touched (a new batch, or a rolled back one).</summary>
    public void Clear()
    {
        _sql.ClearWrites();
        Marks.Clear();
        _changed.Clear();
        _threads.Clear();
        _maybeThreads.Clear();
        _channels.Clear();
        _reacted.Clear();
    }

    public void Dispose()
    {
        _sql.Dispose();
        Marks.Dispose();
    }
}
