namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>An invite was deleted (<see cref="IngestEventType.InviteDelete"/>).</summary>
internal readonly record struct InviteDeleted(long Guild, string Code, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static InviteDeleted From(IngestEvent e) =>
        e.InviteCode is { } code ? new InviteDeleted((long)e.GuildId, code, e.EventAt) : throw new IncompleteEventException(e);
}
