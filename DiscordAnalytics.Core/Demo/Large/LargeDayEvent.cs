using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo.Large;

/// <summary>An event with its place in the stream: time, then the order it was made in (so a thread precedes its starter message at the same instant).</summary>
internal readonly record struct LargeDayEvent(long At, long Order, IngestEvent Event) : IComparable<LargeDayEvent>
{
    public int CompareTo(LargeDayEvent other) => At != other.At ? At.CompareTo(other.At) : Order.CompareTo(other.Order);
}
