using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Stores a channel or thread (metadata: never counted), and remembers its shape so activity in a thread counts for its parent.</summary>
internal sealed class ChannelUpsertHandler(WriteContext context)
{
    public void Apply(ChannelSeen channel)
    {
        var isThread = channel.Type is ChannelTypes.AnnouncementThread or ChannelTypes.PublicThread or ChannelTypes.PrivateThread;
        context.Sql.UpsertChannel.Defer(channel.Guild, channel.Channel, channel.Name, channel.Type, channel.Parent, isThread);
        context.Channels.Stored(channel.Guild, channel.Channel, channel.Parent, isThread);
        if (isThread)
        {
            context.Support.ThreadSeen(channel.Guild, channel.Channel);
        }
    }
}
