using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>An event with the day that generated it and its creation order, for a stable time order.</summary>
internal readonly record struct DemoDayEvent(IngestEvent Event, long Day, int Sequence) : IComparable<DemoDayEvent>
{
    public int CompareTo(DemoDayEvent other)
    {
        var byTime = Event.EventAt.CompareTo(other.Event.EventAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byDay = Day.CompareTo(other.Day);
        return byDay != 0 ? byDay : Sequence.CompareTo(other.Sequence);
    }
}
