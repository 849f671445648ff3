namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>A help thread without a first response within <see cref="SupportSignalsQuery.AnswerWithin"/>: unanswered once that time is over.</summary>
internal readonly record struct LateThread(long StartedAt, long ThreadId, long AuthorId);
