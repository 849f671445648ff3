using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Keeps an invite as last seen (metadata: never counted). A forgotten member is not kept as its inviter.</summary>
internal sealed class InviteUpsertHandler(WriteContext context)
{
    public void Apply(InviteSeen seen)
    {
        var invite = seen.Invite;
        long? inviter = invite.InviterId is { } id && !context.Forgotten.Contains(seen.Guild, (long)id) ? (long)id : null;
        context.Invites.UpsertInvite.Defer(
            seen.Guild, invite.Code, inviter, (long?)invite.ChannelId, invite.Uses, invite.MaxUses, invite.ExpiresAt, invite.IsVanity, seen.At);
    }
}
