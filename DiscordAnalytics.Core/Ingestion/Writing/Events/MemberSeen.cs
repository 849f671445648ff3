namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A member's name, bot flag or roles became known (<see cref="IngestEventType.MemberUpsert"/>); the name empty when the event did not carry one.</summary>
internal readonly record struct MemberSeen(long Guild, long User, string Name, bool IsBot, long At, IReadOnlyList<ulong>? Roles)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static MemberSeen From(IngestEvent e) =>
        e.UserId is { } user
            ? new MemberSeen((long)e.GuildId, (long)user, StoredText.Name(e.Name) ?? string.Empty, e.IsBot, e.EventAt, e.RoleIds)
            : throw new IncompleteEventException(e);
}
