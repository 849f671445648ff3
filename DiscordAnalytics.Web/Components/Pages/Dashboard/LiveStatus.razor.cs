using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Web.Live;
using Microsoft.AspNetCore.Components;

namespace DiscordAnalytics.Web.Components.Pages.Dashboard;

/// <summary>
/// The dashboard's live line. "Updated" is the time the cards' query last changed or a committed batch touched its
/// guild; the lag is the ingestion pipeline's queue, read on every live refresh and every <see cref="LagPollInterval"/>.
/// </summary>
public sealed partial class LiveStatus : IDisposable
{
    /// <summary>
    /// How often the ingestion lag is read again. Committed batches refresh it too, but a stalled writer
    /// (a locked store file) commits nothing, and that is exactly when the lag matters.
    /// </summary>
    internal static readonly TimeSpan LagPollInterval = TimeSpan.FromSeconds(2);

    private AnalyticsQuery? _shownQuery;
    private DateTimeOffset? _updatedAt;
    private int _lag;
    private ITimer? _lagTimer;
    private bool _disposed;

    /// <summary>The query the cards show; null while there is none (no "updated" time then).</summary>
    [Parameter]
    public AnalyticsQuery? Query { get; set; }

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private DashboardLiveUpdates Live { get; set; } = default!;

    [Inject]
    private IIngestionStatus Pipeline { get; set; } = default!;

    public void Dispose()
    {
        _disposed = true;
        _lagTimer?.Dispose();
        Live.Refresh -= OnLiveRefresh;
    }

    protected override void OnInitialized()
    {
        Live.Refresh += OnLiveRefresh;
        _lag = Pipeline.QueueLength;
        _lagTimer = Time.CreateTimer(_ => OnLagTick(), null, LagPollInterval, LagPollInterval);
    }

    protected override void OnParametersSet()
    {
        if (!Equals(Query, _shownQuery))
        {
            _shownQuery = Query;
            _updatedAt = Query is null ? null : Time.GetUtcNow();
        }
    }

    private void OnLagTick()
    {
        var lag = Pipeline.QueueLength;
        if (!_disposed && lag != _lag)
        {
            _ = UpdateAsync(() => _lag = lag);
        }
    }

    private void OnLiveRefresh(IReadOnlySet<ulong> changed)
    {
        if (!_disposed)
        {
            _ = UpdateAsync(() =>
            {
                if (Query is not null && changed.Contains(Query.GuildId))
                {
                    _updatedAt = Time.GetUtcNow();
                }

                _lag = Pipeline.QueueLength;
            });
        }
    }

    private async Task UpdateAsync(Action update)
    {
        try
        {
            await InvokeAsync(() =>
            {
                if (!_disposed)
                {
                    update();
                    StateHasChanged();
                }
            });
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // The circuit closed between the notification and the update.
        }
    }
}
