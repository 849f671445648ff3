using DiscordAnalytics.Core.Ingestion.Writing.Caches;
using DiscordAnalytics.Core.Ingestion.Writing.Invites;
using DiscordAnalytics.Core.Ingestion.Writing.Joins;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;
using DiscordAnalytics.Core.Ingestion.Writing.Support;
using DiscordAnalytics.Core.Ingestion.Writing.Roles;
using DiscordAnalytics.Core.Ingestion.Writing.Voice;
using DiscordAnalytics.Core.Storage.ChannelDays;
using DiscordAnalytics.Core.Storage.MemberDays;
using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Postgres;
using Npgsql;

namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>
/// What every event handler of the writer shares, for as long as the writer's connection is open: the connection, its
/// prepared statements, the batch's rollup deltas and the in-memory copies of store state (the caches). Statements run
/// inside the batch's transaction, which the writer begins on the connection. Not thread-safe: one writer thread.
/// </summary>
internal sealed class WriteContext : IDisposable
{
    public WriteContext(DbConnection connection, string guildMode)
    {
        Connection = connection;
        GuildMode = guildMode;
        Sql = new IngestionStatements(connection);
        Channels = new ChannelShapes(Sql);
        Snapshots = new ReactionSnapshots(Sql);
        Blocks = new ReactionBlocks(Sql);
        Forgotten = new ForgottenMembers(Sql);
        Joins = new JoinStatements(connection);
        Activation = new MemberActivation(Sql, Joins);
        Support = new SupportFacts(connection, Channels);
        Voice = new VoiceBook(connection);
        Roles = new MemberRoleBook(connection);
        Absent = new AbsentFacts(connection);
        RemovedReactions = new StoredReactionsOfRemovals(connection);
        DeletedMessages = new StoredMessagesOfDeletes(connection);
        Invites = new InviteStatements(connection);
        _pipeline = connection is NpgsqlConnection npgsql ? StatementPipeline.Of(npgsql) : null;
    }

    /// <summary>The statements queued on a PostgreSQL connection (<see cref="PreparedStatement.Defer"/>); null on SQLite, which queues nothing.</summary>
    private readonly StatementPipeline? _pipeline;

    public DbConnection Connection { get; }

    /// <summary>Mode recorded for guilds the writer creates: <c>live</c> or <c>demo</c>.</summary>
    public string GuildMode { get; }

    public IngestionStatements Sql { get; }

    /// <summary>The current batch's counter changes, written by <see cref="RollupFlusher"/> before the commit.</summary>
    public RollupDeltas Deltas { get; } = new();

    /// <summary>Guilds of the current batch that forgot a member: their numbers changed without a new event.</summary>
    public HashSet<long> ForgetIn { get; } = [];

    /// <summary>
    /// The batch's changes to member rollups with each day's new version, in the order they were written: told to the
    /// in-memory member days after the commit. A new list per batch, so the one handed over is never changed again.
    /// </summary>
    public List<MemberDayCommit> MemberDayCommits { get; private set; } = [];

    /// <summary>The batch's changes to channel days with each day's new version: told to the in-memory channel days after the commit. A new list per batch.</summary>
    public List<ChannelDayCommit> ChannelDayCommits { get; private set; } = [];

    /// <summary>
    /// Whether the channel-day commits carry the changed messages' scores after the batch (read back, one point read each,
    /// up to <see cref="RollupFlusher.ScoresReadBackPerBatch"/>): set when someone listens to them.
    /// </summary>
    public bool ReadsContentScoresBack { get; init; }

    public ChannelShapes Channels { get; }

    public ReactionSnapshots Snapshots { get; }

    public ReactionBlocks Blocks { get; }

    public ForgottenMembers Forgotten { get; }

    public MemberActivation Activation { get; }

    /// <summary>The threads and channels whose support facts the batch changed, recomputed before the commit.</summary>
    public SupportFacts Support { get; }

    /// <summary>Voice sessions and the batch's voice time.</summary>
    public VoiceBook Voice { get; }

    /// <summary>Roles and members' role spans.</summary>
    public MemberRoleBook Roles { get; }

    /// <summary>The invite statements: invites, the guild's invites status and join attributions.</summary>
    public InviteStatements Invites { get; }

    /// <summary>The statements on every member's joins (one row per join: stay, first post, invite).</summary>
    public JoinStatements Joins { get; }

    /// <summary>Which of the batch's message and reaction facts are certainly not stored yet (PostgreSQL only).</summary>
    public AbsentFacts Absent { get; }

    /// <summary>The stored reactions the batch's removals take, when known from its start (PostgreSQL only).</summary>
    public StoredReactionsOfRemovals RemovedReactions { get; }

    /// <summary>What the batch's message deletes take, when known from its start (PostgreSQL only).</summary>
    public StoredMessagesOfDeletes DeletedMessages { get; }

    /// <summary>Sends the statements still queued (PostgreSQL); the batch's writes are all in its transaction after this.</summary>
    public void SendQueued() => _pipeline?.Flush();

    /// <summary>A batch begins: nothing of the previous one's changes is carried over.</summary>
    public void BeginBatch()
    {
        Deltas.Clear();
        ForgetIn.Clear();
        Voice.BeginBatch();
        MemberDayCommits = [];
        ChannelDayCommits = [];
        Support.BeginBatch();
    }

    /// <summary>
    /// The batch rolled back: every cache may hold state that was never stored, so all of them start over (each loads
    /// again from the store on first use). The one place that resets them.
    /// </summary>
    public void ResetCaches()
    {
        _pipeline?.Discard();
        Sql.ClearRollups();
        Channels.Reset();
        Snapshots.Reset();
        Blocks.Reset();
        Forgotten.Reset();
        Activation.Reset();
        Voice.Reset();
    }

    public void Dispose()
    {
        Support.Dispose();
        Voice.Dispose();
        Roles.Dispose();
        Invites.Dispose();
        Joins.Dispose();
        Sql.Dispose();
    }
}
