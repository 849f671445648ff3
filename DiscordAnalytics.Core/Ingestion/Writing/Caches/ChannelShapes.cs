using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// The shape (thread or not, parent) of every channel of a guild (<see cref="PerGuild{T}"/>), kept in step with every
/// channel the writer stores: activity in a thread counts for its parent channel, and an event names the thread.
/// </summary>
internal sealed class ChannelShapes(IngestionStatements sql)
{
    private readonly PerGuild<Dictionary<long, ChannelShape>> _channels = new(guild =>
    {
        var channels = new Dictionary<long, ChannelShape>();
        foreach (var stored in sql.SelectChannels.Rows(guild))
        {
            channels[stored.Channel] = new ChannelShape(stored.Parent, stored.IsThread);
        }

        return channels;
    });

    /// <summary>Maps the channel an event names to where it counts.</summary>
    public CountedChannel Resolve(long guild, long channel) =>
        _channels.GetOrLoad(guild).TryGetValue(channel, out var shape) && shape.IsThread && shape.ParentId is { } parent
            ? new CountedChannel(parent, channel)
            : new CountedChannel(channel, null);

    /// <summary>Null when the event names no channel.</summary>
    public CountedChannel? Resolve(long guild, long? channel) => channel is { } id ? Resolve(guild, id) : null;

    /// <summary>Whether the channel is stored as a thread (the store's <c>channels.isThread</c>).</summary>
    public bool IsThread(long guild, long channel) => _channels.GetOrLoad(guild).TryGetValue(channel, out var shape) && shape.IsThread;

    /// <summary>A channel or thread was stored: a parent it does not name stays the one known.</summary>
    public void Stored(long guild, long channel, long? parent, bool isThread)
    {
        var channels = _channels.GetOrLoad(guild);
        var known = channels.GetValueOrDefault(channel);
        channels[channel] = new ChannelShape(parent ?? known.ParentId, isThread);
    }

    public void Reset() => _channels.Reset();
}
