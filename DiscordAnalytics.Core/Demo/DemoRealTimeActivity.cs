using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// Continues the demo community's history in real time: the events <see cref="DemoCommunity.Activity"/> gives
/// for each moment are written when the clock reaches it, so a live day has the same rhythm and volume as
/// every generated day (~3,200 events, busy evenings, quiet nights and weekends), whenever it is watched.
/// </summary>
/// <remarks>
/// <see cref="DemoCommunity.Activity"/> is identical on the overlap of any two ranges, so reading it one UTC day
/// at a time and releasing each event when it is due writes exactly what one call over the whole period
/// would. After a stall (a suspended machine) the missed events are written at the next tick, as the
/// history of a restart would be.
/// </remarks>
public sealed class DemoRealTimeActivity
{
    private readonly DemoCommunity _community;
    private List<IngestEvent> _pending = [];
    private int _next;
    private long _loadedUntil;
    private long _emitted;

    /// <param name="community">The community to continue.</param>
    /// <param name="startAt">Epoch ms where live begins (where the history written before it ends).</param>
    public DemoRealTimeActivity(DemoCommunity community, long startAt)
    {
        _community = community;
        _loadedUntil = startAt;
    }

    /// <summary>Events written so far.</summary>
    public long Emitted => _emitted;

    /// <summary>Every event of the community's activity from the previous call up to and including <paramref name="nowMs"/>, in time order.</summary>
    public IReadOnlyList<IngestEvent> Advance(long nowMs)
    {
        var due = new List<IngestEvent>();
        while (true)
        {
            while (_next < _pending.Count && _pending[_next].EventAt <= nowMs)
            {
                due.Add(_pending[_next++]);
            }

            if (_next < _pending.Count || _loadedUntil > nowMs)
            {
                break;
            }

            // The rest of the UTC day that holds the clock's last loaded moment.
            var from = _loadedUntil;
            _loadedUntil = (Math.DivRem(from, DemoRhythm.DayMs).Quotient + 1) * DemoRhythm.DayMs;
            _pending = [.. _community.Activity(from, _loadedUntil)];
            _next = 0;
        }

        _emitted += due.Count;
        return due;
    }

    /// <summary>Writes the activity into <paramref name="sink"/> as it falls due until cancelled; returns quietly on cancellation.</summary>
    public Task RunAsync(IIngestionSink sink, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        DemoTicker.RunAsync(TimeSpan.FromSeconds(1), Advance, sink, timeProvider, cancellationToken);
}
