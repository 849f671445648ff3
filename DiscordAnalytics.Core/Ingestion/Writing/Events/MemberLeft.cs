namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A member left, was kicked or banned (<see cref="IngestEventType.MemberRemove"/>).</summary>
internal readonly record struct MemberLeft(long Guild, long User, bool IsBot, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static MemberLeft From(IngestEvent e) =>
        e.UserId is { } user
            ? new MemberLeft((long)e.GuildId, (long)user, e.IsBot, e.EventAt)
            : throw new IncompleteEventException(e);
}
