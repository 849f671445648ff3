using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Stores a new thread and counts it for its parent channel (for itself when it has none) and for its owner.</summary>
internal sealed class ThreadCreateHandler(WriteContext context, ChannelUpsertHandler channels)
{
    public void Apply(ThreadCreated thread)
    {
        channels.Apply(new ChannelSeen(thread.Guild, thread.Thread, thread.Name, thread.Type, thread.Parent));
        var day = DayBucket.FromUnixMs(thread.At);
        context.Deltas.Channel(thread.Guild, day, thread.Parent ?? thread.Thread, thread.IsBot).Threads++;
        if (thread.Owner is { } owner)
        {
            context.Deltas.Member(thread.Guild, day, owner, thread.IsBot).Threads++;
        }
    }
}
