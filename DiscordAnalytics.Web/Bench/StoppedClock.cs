namespace DiscordAnalytics.Web.Bench;

/// <summary>A clock that stays at one instant: the bench's queries see "now" at the end of its data.</summary>
public sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
