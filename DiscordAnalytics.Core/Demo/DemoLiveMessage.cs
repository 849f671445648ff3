namespace DiscordAnalytics.Core.Demo;

/// <summary>A message the live simulator may still react to, edit or delete.</summary>
internal sealed class DemoLiveMessage(ulong id, ulong channelId, DemoMember author, string excerpt)
{
    public ulong Id { get; } = id;

    public ulong ChannelId { get; } = channelId;

    public DemoMember Author { get; } = author;

    public string Excerpt { get; } = excerpt;

    /// <summary>Present reaction facts (reactor, emoji), so the simulator never re-adds or removes what is absent.</summary>
    public HashSet<(ulong UserId, string Emoji)> Reactions { get; } = [];

    public bool Deleted { get; set; }
}
