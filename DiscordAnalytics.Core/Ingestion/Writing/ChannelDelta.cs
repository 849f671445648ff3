namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>A batch's changes to one channel-day rollup row (per bot flag).</summary>
internal sealed class ChannelDelta
{
    public long Messages;
    public long Reactions;
    public long Threads;
    public long Deleted;
}
