using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// The demo community's invites: a partner server's link that brings many short stays, a tutorial link that brings
/// members who stay and post, the vanity URL, and joins whose invite stays unknown. Which one brought a joiner is a pure
/// function of the member (a hash of the id, never the day's random stream), so the rest of the history is unchanged.
/// </summary>
internal static class DemoInvites
{
    public const string Partner = "tradersguild-partner";

    public const string Tutorial = "pine-script-tutorial";

    public const string Vanity = "candlestick";

    /// <summary>The three invites as the demo's metadata: the partner link made by the first moderator, the tutorial by the second.</summary>
    public static IEnumerable<IngestEvent> Metadata(DemoCommunity community, long at)
    {
        var staff = community.Staff;
        ulong? partnerBy = staff.Count > 0 ? staff[0].Id : null;
        ulong? tutorialBy = staff.Count > 1 ? staff[1].Id : partnerBy;
        var welcome = community.ChannelOf(DemoChannelKind.Welcome).Id;
        yield return Invite(community, at, new InviteFact(Partner, partnerBy, welcome, 0, 0, null, IsVanity: false));
        yield return Invite(community, at, new InviteFact(Tutorial, tutorialBy, welcome, 0, 0, null, IsVanity: false));
        yield return Invite(community, at, new InviteFact(Vanity, null, null, 0, 0, null, IsVanity: true));
    }

    /// <summary>The join's attribution, right after the join (same time, later in order).</summary>
    public static IngestEvent Attributed(DemoCommunity community, ulong memberId, long joinedAt, bool leaves, bool posts) => new()
    {
        Type = IngestEventType.JoinAttributed,
        GuildId = community.GuildId,
        EventAt = joinedAt,
        UserId = memberId,
        InviteCode = CodeFor(memberId, leaves, posts),
    };

    /// <summary>Short stays mostly came through the partner, members who post mostly through the tutorial; some are unknown.</summary>
    internal static string? CodeFor(ulong memberId, bool leaves, bool posts)
    {
        var roll = (int)(Mix(memberId) % 100);
        return (leaves, posts) switch
        {
            (true, _) => roll < 80 ? Partner : roll < 88 ? Vanity : roll < 92 ? Tutorial : null,
            (false, true) => roll < 50 ? Tutorial : roll < 70 ? Vanity : roll < 85 ? Partner : null,
            _ => roll < 35 ? Partner : roll < 65 ? Vanity : roll < 75 ? Tutorial : null,
        };
    }

    private static IngestEvent Invite(DemoCommunity community, long at, InviteFact invite) =>
        new() { Type = IngestEventType.InviteUpsert, GuildId = community.GuildId, EventAt = at, Invite = invite };

    /// <summary>SplitMix64's finalizer: a well-spread hash of the id.</summary>
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
