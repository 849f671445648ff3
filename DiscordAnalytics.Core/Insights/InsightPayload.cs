using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// What a generator may see of a summary: the summary without opted-out members (their top-member and
/// rising-member rows and their content), with every excerpt held to <see cref="TextClip.MaxExcerptLength"/> characters. The
/// store keeps only excerpts, so this is a second fence, not the first.
/// </summary>
public static class InsightPayload
{
    public static AnalyticsSummary For(AnalyticsSummary summary, IReadOnlySet<string> optedOut) => summary with
    {
        TopMembers = [.. summary.TopMembers.Where(m => !optedOut.Contains(m.DiscordUserId))],
        RisingMembers = summary.RisingMembers is null ? null : [.. summary.RisingMembers.Where(m => !optedOut.Contains(m.DiscordUserId))],
        TopContent = [.. summary.TopContent
            .Where(c => c.AuthorDiscordUserId is null || !optedOut.Contains(c.AuthorDiscordUserId))
            .Select(c => c with { Excerpt = TextClip.ToLength(c.Excerpt, TextClip.MaxExcerptLength) })],
    };
}
