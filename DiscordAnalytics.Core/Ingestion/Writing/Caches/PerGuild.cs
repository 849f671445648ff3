namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// A piece of store state per guild, loaded on the guild's first use and then kept in step by the writer itself (the
/// store's only writer of that state): checking the store on every event cost more than the event. Part of the
/// writer, not thread-safe; reset (and loaded again on next use) when a batch rolls back.
/// </summary>
internal sealed class PerGuild<T>(Func<long, T> load)
    where T : class
{
    private readonly Dictionary<long, T> _guilds = [];

    /// <summary>The guild's state, loaded from the store on the guild's first use.</summary>
    public T GetOrLoad(long guild)
    {
        if (!_guilds.TryGetValue(guild, out var value))
        {
            value = load(guild);
            _guilds[guild] = value;
        }

        return value;
    }

    /// <summary>The guild's state when it is loaded already; null otherwise (nothing is loaded for it).</summary>
    public T? IfLoaded(long guild) => _guilds.GetValueOrDefault(guild);

    public void Reset() => _guilds.Clear();
}
