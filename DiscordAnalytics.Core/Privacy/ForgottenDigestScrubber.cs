using System.Globalization;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Privacy;

/// <summary>
/// Weekly digests stored before a member was forgotten keep the summary they were built from and its Markdown, both of
/// which may name them, and a posted digest shows that Markdown in Discord. This takes them out: their rows leave the
/// stored summary (as <see cref="InsightPayload"/> drops opted-out members), and in the Markdown every occurrence of
/// their name (<see cref="ForgottenDigestText"/>: the writer's lists and the generator's actions alike) becomes
/// "(forgotten member)" and their excerpts "a message"; posted digests are then edited in Discord to the scrubbed text
/// (<see cref="DigestPoster.EditPendingAsync"/>). Nothing here is stranded by a failure: a digest whose summary still
/// holds a forgotten member's id has not been scrubbed, and <see cref="Digest.EditPending"/> marks posted messages
/// still to edit, so <see cref="RunPendingAsync"/> (the recurring privacy job) finishes what a failed or interrupted
/// scrub left.
/// </summary>
public sealed partial class ForgottenDigestScrubber(
    IDbContextFactory<AnalyticsDbContext> contexts,
    DigestPoster poster,
    ILogger<ForgottenDigestScrubber> logger)
{
    public const string ForgottenName = ForgottenDigestText.ForgottenName;

    /// <summary>
    /// Scrubs the guild's digests that mention <paramref name="userId"/>, edits the posted ones in Discord and empties
    /// the store's log file; returns how many digests changed. A failed edit stays marked for the next run.
    /// </summary>
    public async Task<int> ScrubAsync(long guildId, long userId, CancellationToken cancellationToken)
    {
        var changed = await ScrubStoredAsync(guildId, userId, cancellationToken);
        await poster.EditPendingAsync(cancellationToken);
        await TruncateLogAsync(cancellationToken);
        return changed;
    }

    /// <summary>
    /// Finishes every scrub a failure or a stop left: digests still holding a forgotten member's id are scrubbed, and
    /// posted digests marked for an edit are edited. Returns how many digests still wait for an edit in Discord.
    /// </summary>
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken)
    {
        List<(long GuildId, long UserId)> forgotten;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            forgotten = [.. (await db.MemberPrivacy.AsNoTracking()
                    .Where(p => p.Choice == MemberPrivacyChoice.Forgotten && db.Digests.Any(d => d.GuildId == p.GuildId))
                    .Select(p => new { p.GuildId, p.UserId })
                    .ToListAsync(cancellationToken))
                .Select(p => (p.GuildId, p.UserId))];
        }

        var changed = 0;
        foreach (var (guildId, userId) in forgotten)
        {
            changed += await ScrubStoredAsync(guildId, userId, cancellationToken);
        }

        var left = await poster.EditPendingAsync(cancellationToken);
        if (changed > 0)
        {
            LogCaughtUp(logger, changed);
            await TruncateLogAsync(cancellationToken);
        }

        return left;
    }

    /// <summary>Scrubs the stored digests (summary and Markdown, one transaction); marks posted ones whose text changed for an edit.</summary>
    private async Task<int> ScrubStoredAsync(long guildId, long userId, CancellationToken cancellationToken)
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

            var markdown = ForgottenDigestText.Scrub(digest.Markdown, summary, id);
            if (!string.Equals(markdown, digest.Markdown, StringComparison.Ordinal) && digest.MessageIds.Count > 0)
            {
                digest.EditPending = true;
            }

            digest.Markdown = markdown;
            digest.SummaryJson = JsonSerializer.Serialize(InsightPayload.For(summary, new HashSet<string>(StringComparer.Ordinal) { id }), DigestService.SummaryJsonOptions);
        }

        await db.SaveChangesAsync(cancellationToken);
        return digests.Count;
    }

    /// <summary>
    /// Copies the log into the store file and cuts it to nothing: the log keeps old page images (the member's rows as
    /// they were) in its reused space until overwritten, and secure_delete only clears the store file itself. Readers or
    /// the writer may keep it busy; then the next forget or background checkpoint gets further.
    /// </summary>
    private async Task TruncateLogAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            // PostgreSQL keeps no such log in the store's reach: its WAL is recycled by the server. (Deleted rows'
            // bytes stay in the table's pages until VACUUM reuses them; see docs/postgresql.md.)
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) != 0)
        {
            LogLogBusy(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scrubbed {Digests} stored digests a forgotten member's earlier scrub had not reached")]
    private static partial void LogCaughtUp(ILogger logger, int digests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store's log could not be emptied after a forget (busy); later checkpoints overwrite it")]
    private static partial void LogLogBusy(ILogger logger);
}
