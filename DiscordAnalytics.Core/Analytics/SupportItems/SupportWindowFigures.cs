namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>A window's support figures from the held help threads and questions, before names are read for its lists.</summary>
internal sealed record SupportWindowFigures(
    int Threads,
    long Unanswered,
    IReadOnlyList<LateThread> NewestUnanswered,
    double? MedianThreadMinutes,
    double? MedianQuestionMinutes,
    double? MedianMinutes,
    double? P90Minutes,
    int Resolved,
    double? MedianResolutionMinutes,
    double? P90ResolutionMinutes,
    long Escalations,
    IReadOnlyList<FoundEscalation> NewestEscalations);
