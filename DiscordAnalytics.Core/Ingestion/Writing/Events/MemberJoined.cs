namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A member joined (<see cref="IngestEventType.MemberAdd"/>).</summary>
internal readonly record struct MemberJoined(long Guild, long User, string Name, bool IsBot, long At, IReadOnlyList<ulong>? Roles)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static MemberJoined From(IngestEvent e) =>
        e.UserId is { } user
            ? new MemberJoined((long)e.GuildId, (long)user, StoredText.Name(e.Name) ?? string.Empty, e.IsBot, e.EventAt, e.RoleIds)
            : throw new IncompleteEventException(e);
}
