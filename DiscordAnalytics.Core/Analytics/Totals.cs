namespace DiscordAnalytics.Core.Analytics;

/// <summary>Headline numbers of one window.</summary>
/// <param name="Messages">Chat messages created in the window and not deleted.</param>
/// <param name="Reactions">Present reactions on messages created in the window.</param>
/// <param name="ThreadsCreated">Threads and forum posts created.</param>
/// <param name="ActiveMembers">Distinct members with a counted message or reaction in the window.</param>
/// <param name="UniqueReactors">Distinct members with a present reaction in the window.</param>
/// <param name="Joins">Member joins.</param>
/// <param name="Leaves">Member leaves, kicks and bans.</param>
/// <param name="DeletedMessages">Deletes observed in the window.</param>
public sealed record Totals(
    long Messages,
    long Reactions,
    long ThreadsCreated,
    long ActiveMembers,
    long UniqueReactors,
    long Joins,
    long Leaves,
    long DeletedMessages)
{
    /// <summary>Minutes in voice (AFK channel excluded; talking, muted and alone alike); additive to schema 1.</summary>
    public long VoiceMinutes { get; init; }

    public static Totals Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}
