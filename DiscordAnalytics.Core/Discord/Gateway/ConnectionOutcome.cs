namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>How one gateway connection ended.</summary>
/// <param name="Action">What to do next.</param>
/// <param name="Reason">A short, user-facing reason (no secrets, no content).</param>
/// <param name="ReachedReady">Whether the connection got to READY or RESUMED (resets the backoff).</param>
/// <param name="Delay">A specific delay before the next attempt (INVALID_SESSION); null means the backoff.</param>
internal readonly record struct ConnectionOutcome(ReconnectAction Action, string Reason, bool ReachedReady, TimeSpan? Delay = null);
