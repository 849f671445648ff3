using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo.Large;

/// <summary>
/// The large community's invites, so the Invites card is measured populated: the demo's codes (a partner server's link
/// that brings short stays, a tutorial link whose members stay and post, the vanity URL; <see cref="DemoInvites"/>), the
/// links made by the first two moderators, and every join attributed right after it (some to unknown).
/// </summary>
public sealed partial class LargeCommunity
{
    /// <summary>The three invites as metadata stamped <paramref name="at"/>.</summary>
    private IEnumerable<IngestEvent> InviteUpserts(long at)
    {
        var welcome = Introductions.Id;
        yield return InviteUpsert(at, new InviteFact(DemoInvites.Partner, MemberId(0), welcome, 0, 0, null, IsVanity: false));
        yield return InviteUpsert(at, new InviteFact(DemoInvites.Tutorial, MemberId(1), welcome, 0, 0, null, IsVanity: false));
        yield return InviteUpsert(at, new InviteFact(DemoInvites.Vanity, null, null, 0, 0, null, IsVanity: true));
    }

    /// <summary>Which invite brought the join at <paramref name="joinedAt"/>: by whether the joiner leaves and posts, as in the demo.</summary>
    internal IngestEvent JoinAttributed(ulong memberId, long joinedAt, bool leaves, bool posts) => new()
    {
        Type = IngestEventType.JoinAttributed,
        GuildId = GuildId,
        EventAt = joinedAt,
        UserId = memberId,
        InviteCode = DemoInvites.CodeFor(memberId, leaves, posts),
    };

    private IngestEvent InviteUpsert(long at, InviteFact invite) =>
        new() { Type = IngestEventType.InviteUpsert, GuildId = GuildId, EventAt = at, Invite = invite };
}
