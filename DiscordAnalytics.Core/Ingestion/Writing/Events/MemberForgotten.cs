namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>An admin asked that a member be forgotten (<see cref="IngestEventType.MemberForget"/>).</summary>
internal readonly record struct MemberForgotten(long Guild, long User, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static MemberForgotten From(IngestEvent e) =>
        e.UserId is { } user
            ? new MemberForgotten((long)e.GuildId, (long)user, e.EventAt)
            : throw new IncompleteEventException(e);
}
