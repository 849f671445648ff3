namespace DiscordAnalytics.Core.Leadership;

/// <summary>
/// Whether this instance leads now, and for how long: each time it becomes the leader it gets a term (a cancellation
/// token) that is cancelled the moment it stops leading, so the gateway, the demo source, backfill and the job server
/// stop at once. On SQLite there is one instance and one term that never ends; on PostgreSQL
/// <see cref="PostgresLeaderElection"/> grants and ends terms with an advisory lock.
/// </summary>
public sealed class InstanceLeadership
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<CancellationToken> _nextTerm = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Func<CancellationToken, Task>> _beforeTerm = [];
    private CancellationTokenSource? _term;
    private string _reason;

    private InstanceLeadership(bool contested, string reason)
    {
        IsContested = contested;
        _reason = reason;
    }

    /// <summary>The only instance of its store (SQLite): the leader from the start, for good.</summary>
    public static InstanceLeadership Sole()
    {
        var leadership = new InstanceLeadership(contested: false, "the only instance of its store");
        leadership.Begin("the only instance of its store");
        return leadership;
    }

    /// <summary>One of possibly several instances of a shared store: a standby until the election makes it the leader.</summary>
    public static InstanceLeadership Contested() => new(contested: true, "waiting for the leader lock");

    /// <summary>True when other instances may share the store (PostgreSQL), so the role can change.</summary>
    public bool IsContested { get; }

    public InstanceRole Role
    {
        get
        {
            lock (_gate)
            {
                return _term is null ? InstanceRole.Standby : InstanceRole.Leader;
            }
        }
    }

    /// <summary>Why the instance has its role, in words fit for /healthz (no host names, no secrets).</summary>
    public string Reason
    {
        get
        {
            lock (_gate)
            {
                return _reason;
            }
        }
    }

    /// <summary>The current term when this instance leads (its token is cancelled when the term ends); otherwise waits for the next one.</summary>
    public Task<CancellationToken> WaitForTermAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _nextTerm.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> during each term of this instance, cancelled when the term ends; in between (and
    /// until the first term) <paramref name="onStandby"/> says so. Work that ends by itself is not started again before
    /// the next term. Returns when the work ends by itself on the sole leader (SQLite, as without leadership), otherwise
    /// only by cancellation of <paramref name="stoppingToken"/>.
    /// </summary>
    public async Task RunWhileLeaderAsync(Func<CancellationToken, Task> work, Action? onStandby, CancellationToken stoppingToken)
    {
        while (true)
        {
            if (Role == InstanceRole.Standby)
            {
                onStandby?.Invoke();
            }

            var term = await WaitForTermAsync(stoppingToken).ConfigureAwait(false);
            using var during = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term);
            try
            {
                await work(during.Token).ConfigureAwait(false);
                if (!IsContested)
                {
                    // The sole leader's only term never ends: work that is done is done, as without leadership.
                    return;
                }

                // Done for this term: a source that ran out (a demo without live events) starts again with the next one.
                await Task.Delay(Timeout.InfiniteTimeSpan, during.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                // The term ended: wait for the next one.
            }
        }
    }

    /// <summary>
    /// Work that runs each time this instance is about to lead, before its term begins, so before anything of the term
    /// (the gateway, the writer, resumed backfills) has run: gap repair reads what the store held when this instance
    /// took over. Steps handle their own failures; the sole leader's term (SQLite) began at construction, before any step.
    /// </summary>
    public void BeforeEachTerm(Func<CancellationToken, Task> step)
    {
        lock (_gate)
        {
            _beforeTerm.Add(step);
        }
    }

    /// <summary>Runs the <see cref="BeforeEachTerm"/> steps, then starts a term (only the reason changes while one runs).</summary>
    public async Task BeginAsync(string reason, CancellationToken cancellationToken)
    {
        Func<CancellationToken, Task>[] steps;
        lock (_gate)
        {
            if (_term is not null)
            {
                _reason = reason;
                return;
            }

            steps = [.. _beforeTerm];
        }

        foreach (var step in steps)
        {
            await step(cancellationToken).ConfigureAwait(false);
        }

        Begin(reason);
    }

    /// <summary>Starts a term (no-op while one runs).</summary>
    public void Begin(string reason)
    {
        lock (_gate)
        {
            _reason = reason;
            if (_term is not null)
            {
                return;
            }

            _term = new CancellationTokenSource();
            _nextTerm.TrySetResult(_term.Token);
        }
    }

    /// <summary>Ends the current term at once (its work is cancelled) and records why this instance is a standby now.</summary>
    public void End(string reason)
    {
        CancellationTokenSource? ended;
        lock (_gate)
        {
            _reason = reason;
            ended = _term;
            if (ended is null)
            {
                return;
            }

            _term = null;
            _nextTerm = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // Outside the lock: cancellation runs the term's callbacks (the gateway closing its socket) synchronously.
        ended.Cancel();
    }
}
