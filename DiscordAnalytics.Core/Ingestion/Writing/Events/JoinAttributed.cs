namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>The member's join at <paramref name="JoinedAt"/> came through <paramref name="Code"/>, or an unknown way when null (<see cref="IngestEventType.JoinAttributed"/>).</summary>
internal readonly record struct JoinAttributed(long Guild, long User, string? Code, long JoinedAt)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static JoinAttributed From(IngestEvent e) =>
        e.UserId is { } user ? new JoinAttributed((long)e.GuildId, (long)user, e.InviteCode, e.EventAt) : throw new IncompleteEventException(e);
}
