using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>After a full snapshot of the guild's invites: every invite it did not list is marked deleted.</summary>
internal sealed class InviteSyncHandler(WriteContext context)
{
    public void Apply(InvitesSynced synced) => context.Invites.DeleteUnseenInvites.Defer(synced.Guild, synced.At);
}
