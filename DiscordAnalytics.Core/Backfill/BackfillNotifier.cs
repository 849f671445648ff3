namespace DiscordAnalytics.Core.Backfill;

/// <summary>Tells listeners (open settings pages) that a guild's backfill progress changed. Handlers must be quick and must not throw.</summary>
public sealed class BackfillNotifier
{
    public event Action<ulong>? Changed;

    public void Publish(ulong guildId) => Changed?.Invoke(guildId);
}
