using System.Globalization;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Privacy;

/// <summary>
/// Weekly digests stored before a member was forgotten keep the summary they were built from and its Markdown, both of
/// which may name them. This takes them out: their rows leave the stored summary (as <see cref="InsightPayload"/> drops
/// opted-out members), and in the Markdown their name in bold becomes "(forgotten member)" and a quoted excerpt of
/// theirs "a message", the exact forms <see cref="DigestMarkdownWriter"/> writes. Text an admin typed is not guessed at.
/// </summary>
public sealed class ForgottenDigestScrubber(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public const string ForgottenName = "(forgotten member)";

    /// <summary>Scrubs the guild's digests that mention <paramref name="userId"/>; returns how many changed.</summary>
    public async Task<int> ScrubAsync(long guildId, long userId, CancellationToken cancellationToken)
    {
        var id = userId.ToString(CultureInfo.InvariantCulture);
        var quoted = $"\"{id}\"";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var digests = await db.Digests.Where(d => d.GuildId == guildId && d.SummaryJson.Contains(quoted)).ToListAsync(cancellationToken);
        foreach (var digest in digests)
        {
            var summary = JsonSerializer.Deserialize<AnalyticsSummary>(digest.SummaryJson, DigestService.SummaryJsonOptions);
            if (summary is null)
            {
                continue;
            }

            var names = summary.TopMembers.Where(m => m.DiscordUserId == id).Select(m => m.Name)
                .Concat((summary.RisingMembers ?? []).Where(m => m.DiscordUserId == id).Select(m => m.Name))
                .Where(n => !string.IsNullOrEmpty(n))
                .Distinct(StringComparer.Ordinal);
            var excerpts = summary.TopContent.Where(c => c.AuthorDiscordUserId == id && !string.IsNullOrEmpty(c.Excerpt)).Select(c => c.Excerpt!);
            var markdown = digest.Markdown;
            foreach (var name in names)
            {
                markdown = markdown.Replace($"**{MarkdownText.Escape(name)}**", $"**{ForgottenName}**", StringComparison.Ordinal);
            }

            foreach (var excerpt in excerpts)
            {
                markdown = markdown.Replace($"“{MarkdownText.Escape(excerpt)}”", "a message", StringComparison.Ordinal);
            }

            digest.Markdown = markdown;
            digest.SummaryJson = JsonSerializer.Serialize(InsightPayload.For(summary, new HashSet<string>(StringComparer.Ordinal) { id }), DigestService.SummaryJsonOptions);
        }

        await db.SaveChangesAsync(cancellationToken);
        return digests.Count;
    }
}
