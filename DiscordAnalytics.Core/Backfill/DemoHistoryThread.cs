namespace DiscordAnalytics.Core.Backfill;

/// <summary>A demo thread or forum post, with its last activity (active or archived).</summary>
internal sealed class DemoHistoryThread(ulong id, ulong parentId, string name, ulong? ownerId, int type)
{
    public ulong Id { get; } = id;

    public ulong ParentId { get; } = parentId;

    public string Name { get; } = name;

    public ulong? OwnerId { get; } = ownerId;

    public int Type { get; } = type;

    public long LastMessageAt { get; set; }
}
