namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// One guild's day as <see cref="KeywordDayCache"/> holds it: its top terms (what the keyword-days filler stores) as
/// counted at a keyword version, for one set of hidden members.
/// </summary>
/// <param name="Version">The day's <c>keywordDayVersions</c> version the terms were counted at (0: no row yet).</param>
/// <param name="LastMessageId">The version's last message id: every message counted has an id at or below it.</param>
/// <param name="OptedOut">The guild's hidden and forgotten members when counted (sorted ids, comma-separated).</param>
/// <param name="Top">The day's <see cref="KeywordDays.TermsPerDay"/> most common terms.</param>
/// <param name="All">Every term's count, kept for recent days only, so new messages are added instead of the day counted again; null otherwise.</param>
internal sealed record KeywordDayEntry(long Version, long LastMessageId, string OptedOut, IReadOnlyList<KeywordCount> Top, Dictionary<string, long>? All);
