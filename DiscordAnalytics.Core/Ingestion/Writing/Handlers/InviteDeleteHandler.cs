using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Marks an invite deleted; its row stays, so the joins it brought keep their invite and inviter.</summary>
internal sealed class InviteDeleteHandler(WriteContext context)
{
    public void Apply(InviteDeleted deleted) => context.Invites.DeleteInvite.Defer(deleted.Guild, deleted.Code, deleted.At);
}
