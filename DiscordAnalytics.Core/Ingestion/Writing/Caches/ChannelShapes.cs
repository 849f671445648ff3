using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// The shape (thread or not, parent) of every channel of a guild, loaded from the store on the guild's first event
/// and kept in step with every channel the writer stores: activity in a thread counts for its parent channel, and
/// an event names the thread. Part of the writer, not thread-safe; reset (and loaded again) when a batch rolls back.
/// </summary>
internal sealed class ChannelShapes(IngestionStatements sql)
{
    private readonly Dictionary<(long Guild, long Channel), ChannelShape> _channels = [];
    private readonly HashSet<long> _loadedGuilds = [];

    /// <summary>Maps the channel an event names to where it counts.</summary>
    public CountedChannel Resolve(long guild, long channel)
    {
        EnsureLoaded(guild);
        return _channels.TryGetValue((guild, channel), out var shape) && shape.IsThread && shape.ParentId is { } parent
            ? new CountedChannel(parent, channel)
            : new CountedChannel(channel, null);
    }

    /// <summary>Null when the event names no channel.</summary>
    public CountedChannel? Resolve(long guild, long? channel) => channel is { } id ? Resolve(guild, id) : null;

    /// <summary>A channel or thread was stored: a parent it does not name stays the one known.</summary>
    public void Stored(long guild, long channel, long? parent, bool isThread)
    {
        EnsureLoaded(guild);
        var known = _channels.GetValueOrDefault((guild, channel));
        _channels[(guild, channel)] = new ChannelShape(parent ?? known.ParentId, isThread);
    }

    public void Reset()
    {
        _channels.Clear();
        _loadedGuilds.Clear();
    }

    private void EnsureLoaded(long guild)
    {
        if (!_loadedGuilds.Add(guild))
        {
            return;
        }

        foreach (var stored in sql.SelectChannels.Rows(guild))
        {
            _channels[(guild, stored.Channel)] = new ChannelShape(stored.Parent, stored.IsThread);
        }
    }
}
