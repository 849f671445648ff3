namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>A random source that always answers the same fraction (deterministic heartbeat jitter and backoff).</summary>
public sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
}
