namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// Told about every <see cref="FreshSession"/>, before any of the session's events reach the ingestion sink
/// (the gateway awaits it): an observer can read the store as it was when the session began. Must be quick,
/// and must not throw (the gateway logs and goes on if it does).
/// </summary>
public interface IFreshSessionObserver
{
    Task OnFreshSessionAsync(FreshSession session, CancellationToken cancellationToken);
}
