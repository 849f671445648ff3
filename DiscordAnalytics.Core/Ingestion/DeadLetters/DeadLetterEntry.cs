namespace DiscordAnalytics.Core.Ingestion.DeadLetters;

/// <summary>A dead letter as listed to the admin: what failed and how, never the event's content.</summary>
public sealed record DeadLetterEntry(
    long Id,
    ulong GuildId,
    string EventType,
    string EventId,
    string ExceptionType,
    string ExceptionMessage,
    long FirstFailedAt,
    long LastFailedAt,
    int Attempts);
