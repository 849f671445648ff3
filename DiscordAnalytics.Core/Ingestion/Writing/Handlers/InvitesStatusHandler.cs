using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Records whether the guild's invites could be read, for the Invites card and the summary's <c>invitesStatus</c>.</summary>
internal sealed class InvitesStatusHandler(WriteContext context)
{
    public void Apply(InvitesStatusSeen seen) => context.Invites.SetInvitesStatus.Defer(seen.Guild, context.GuildMode, seen.Status, seen.At);
}
