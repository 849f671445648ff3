namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>An invite listed or announced at <paramref name="At"/> (<see cref="IngestEventType.InviteUpsert"/>).</summary>
internal readonly record struct InviteSeen(long Guild, InviteFact Invite, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static InviteSeen From(IngestEvent e) =>
        e.Invite is { } invite ? new InviteSeen((long)e.GuildId, invite, e.EventAt) : throw new IncompleteEventException(e);
}
