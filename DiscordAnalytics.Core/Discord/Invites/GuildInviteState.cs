using System.Threading.Channels;

namespace DiscordAnalytics.Core.Discord.Invites;

/// <summary>
/// One guild's invite tracking: its work queue (one reader, so joins never race each other) and what the reader alone
/// touches: the uses earlier joins account for, whether the permission is missing, the joins already attributed.
/// </summary>
internal sealed class GuildInviteState
{
    /// <summary>How many attributed joins are remembered, so a replayed GUILD_MEMBER_ADD is not attributed twice.</summary>
    private const int RememberedJoins = 1024;

    private readonly Queue<(ulong User, long JoinedAt)> _recentOrder = new();
    private readonly HashSet<(ulong User, long JoinedAt)> _recent = [];

    public Channel<InviteWork> Queue { get; } = Channel.CreateUnbounded<InviteWork>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Uses per code that the joins so far account for; null until a read succeeded (then the first join is unknown).</summary>
    public Dictionary<string, int>? Accounted { get; set; }

    /// <summary>Uses per code as last stored, so a read stores only the invites that changed.</summary>
    public Dictionary<string, int> Stored { get; } = new(StringComparer.Ordinal);

    /// <summary>Discord answered 403 on the invites: nothing is read again until the next fresh session asks.</summary>
    public bool MissingPermission { get; set; }

    /// <summary>The last read failed other than by a 403: the next read that succeeds says so (status ok again).</summary>
    public bool ReadFailed { get; set; }

    /// <summary>A read again after <see cref="InvitesOptions.RetryAfter"/> is pending.</summary>
    public bool RetryScheduled { get; set; }

    /// <summary>Whether to read the vanity URL (false after the guild turned out to have none, until the next refresh).</summary>
    public bool ReadVanity { get; set; } = true;

    /// <summary>Remembers a join; false when it was attributed before.</summary>
    public bool TryRemember(ulong user, long joinedAt)
    {
        if (!_recent.Add((user, joinedAt)))
        {
            return false;
        }

        _recentOrder.Enqueue((user, joinedAt));
        if (_recentOrder.Count > RememberedJoins)
        {
            _recent.Remove(_recentOrder.Dequeue());
        }

        return true;
    }
}
