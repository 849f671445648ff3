namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>A channel, category or thread, so cards show names instead of ids.</summary>
public sealed class Channel
{
    public long GuildId { get; set; }

    public long ChannelId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Discord channel type (named in <c>ChannelTypes</c>: 0 text, 4 category, 5 announcement, 10-12 threads, 15 forum).</summary>
    public int Type { get; set; }

    /// <summary>Category for channels; the parent text/forum channel for threads.</summary>
    public long? ParentId { get; set; }

    /// <summary>True for threads and forum posts: their activity counts for <see cref="ParentId"/>.</summary>
    public bool IsThread { get; set; }
}
