using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Web.Live;
using Microsoft.AspNetCore.Components;

namespace DiscordAnalytics.Web.Components.Cards;

/// <summary>
/// What every dashboard card does the same way: loads its data for <see cref="Query"/> off the circuit's
/// thread (so cards load in parallel and never hold a DbContext across a render), reloads when the query
/// changes or when <see cref="DashboardLiveUpdates"/> reports the query's guild, cancels a load that is
/// superseded or whose card is disposed, and turns a failed query into a short message instead of a broken
/// circuit. A slow card rests between live reloads (<see cref="RestPerLoad"/>), so a year-long window on a
/// live guild does not keep a core busy reloading it every second.
/// </summary>
/// <typeparam name="TData">What the card shows; null until the first load finishes.</typeparam>
public abstract class LiveCardBase<TData> : ComponentBase, IDisposable
    where TData : class
{
    /// <summary>
    /// After a live-triggered or initial load that took T, the next live reload waits until T x this has passed
    /// since it ended: a card spends at most about a tenth of its time loading. Cards that load within ~100 ms
    /// are not slowed (the live updates come at most once a second anyway).
    /// </summary>
    public const int RestPerLoad = 9;

    private CancellationTokenSource? _load;
    private ITimer? _restTimer;
    private long _lastLoadEndedAt;
    private TimeSpan _rest;
    private AnalyticsQuery? _loadedQuery;
    private bool _reloadPending;
    private bool _disposed;

    /// <summary>The parsed question this card answers: guild, window, list length and whether bots count. Required.</summary>
    [Parameter, EditorRequired]
    public AnalyticsQuery Query { get; set; } = default!;

    /// <summary>The HTTP request while the page is prerendered for it; a live circuit (and any other renderer) has none.</summary>
    [CascadingParameter]
    private HttpContext? PrerenderRequest { get; set; }

    [Inject]
    private DashboardLiveUpdates Live { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>The last data loaded; kept on screen while a live refresh loads the next.</summary>
    protected TData? Data { get; private set; }

    /// <summary>A short message for the user when the last load failed (details are in the log).</summary>
    protected string? Error { get; private set; }

    /// <summary>True until the first load for the current query has finished or failed.</summary>
    protected bool IsLoading => Data is null && Error is null;

    public void Dispose()
    {
        _disposed = true;
        Live.Refresh -= OnLiveRefresh;
        _load?.Cancel();
        _restTimer?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Called on the circuit's thread: capture what the load needs (the query and the card's own options,
    /// such as a ranking) and return the work to run off it.
    /// </summary>
    protected abstract Func<CancellationToken, Task<TData>> PrepareLoad(AnalyticsQuery query);

    /// <summary>Called on the circuit's thread after each successful load, to derive what the markup needs.</summary>
    protected virtual void OnLoaded(TData data)
    {
    }

    protected override void OnInitialized() => Live.Refresh += OnLiveRefresh;

    protected override async Task OnParametersSetAsync()
    {
        // Prerendered (the page's first HTML, before its circuit is live), a card shows its loading state and loads
        // nothing: the circuit renders every card anew, from a loading state, and loads it then, so data loaded here
        // was thrown away, and it held the whole page's first byte until the slowest card had answered.
        if (Query is null || Equals(Query, _loadedQuery) || PrerenderRequest is not null)
        {
            return;
        }

        // A different question: show the loading state rather than the previous window's numbers.
        _loadedQuery = Query;
        Data = null;
        Error = null;
        await ReloadAsync();
    }

    /// <summary>
    /// Loads again for the current query, cancelling a load in flight; cards call this when their own
    /// options (a ranking) change.
    /// </summary>
    protected async Task ReloadAsync()
    {
        _load?.Cancel();
        await LoadAsync();
    }

    /// <summary>
    /// One load, repeated while live updates arrived during it. Everything here except the work inside
    /// Task.Run runs on the circuit's thread, one piece at a time.
    /// </summary>
    private async Task LoadAsync()
    {
        if (_disposed || Query is null)
        {
            return;
        }

        using var load = new CancellationTokenSource();
        _load = load;
        try
        {
            TimeSpan rest;
            do
            {
                _reloadPending = false;
                var query = Query;
                var startedAt = Time.GetTimestamp();
                try
                {
                    var work = PrepareLoad(query);
                    var data = await Task.Run(() => work(load.Token), load.Token);
                    if (!load.IsCancellationRequested)
                    {
                        Data = data;
                        Error = null;
                        OnLoaded(data);
                    }
                }
                catch (OperationCanceledException) when (load.IsCancellationRequested)
                {
                    // Superseded by a newer question or the card went away.
                }
                catch (Exception ex) when (!load.IsCancellationRequested)
                {
                    LoggerFactory.CreateLogger(GetType()).LogError(ex, "Card {Card} failed to load guild {GuildId}", GetType().Name, query.GuildId);
                    Error = "Could not load this card right now. It retries with the next update.";
                }

                rest = _rest = Time.GetElapsedTime(startedAt) * RestPerLoad;
                _lastLoadEndedAt = Time.GetTimestamp();
                if (_reloadPending && !load.IsCancellationRequested)
                {
                    StateHasChanged();
                }
            }
            while (_reloadPending && rest <= TimeSpan.Zero && !load.IsCancellationRequested && !_disposed);

            if (_reloadPending && !load.IsCancellationRequested && !_disposed)
            {
                // Updates arrived while a slow load ran: one more load, after its rest.
                _reloadPending = false;
                RefreshAfter(rest);
            }
        }
        finally
        {
            if (ReferenceEquals(_load, load))
            {
                _load = null;
            }
        }
    }

    private void OnLiveRefresh(IReadOnlySet<ulong> guilds)
    {
        var query = Query;
        if (_disposed || query is null || !guilds.Contains(query.GuildId))
        {
            return;
        }

        _ = RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        try
        {
            await InvokeAsync(async () =>
            {
                // Never cancel a load for a refresh: under a steady stream of batches a slow query would
                // restart forever. The load in flight goes once more when it is done instead.
                if (_load is not null)
                {
                    _reloadPending = true;
                    return;
                }

                var resting = _rest - Time.GetElapsedTime(_lastLoadEndedAt);
                // Under a millisecond is no rest: a timer that fired a tick early would otherwise wait again.
                if (resting > TimeSpan.FromMilliseconds(1))
                {
                    RefreshAfter(resting);
                    return;
                }

                await LoadAsync();
                if (!_disposed)
                {
                    StateHasChanged();
                }
            });
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // The circuit closed between the notification and the refresh: nothing left to update.
        }
    }

    /// <summary>One live reload after <paramref name="delay"/> (on the circuit's thread); further updates meanwhile join it.</summary>
    private void RefreshAfter(TimeSpan delay)
    {
        if (_restTimer is not null || _disposed)
        {
            return;
        }

        _restTimer = Time.CreateTimer(_ => _ = RestedAsync(), null, delay, Timeout.InfiniteTimeSpan);
    }

    private async Task RestedAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                _restTimer?.Dispose();
                _restTimer = null;
            });
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            return;
        }

        await RefreshAsync();
    }
}
