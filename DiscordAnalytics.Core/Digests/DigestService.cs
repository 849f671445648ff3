using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Digests;

/// <summary>
/// Generates, lists and edits weekly digests. A digest covers the last seven whole UTC days before the day it
/// is generated (a complete week, compared with the seven days before it) and is written only from that
/// window's analytics summary plus the suggested actions an <see cref="IInsightGenerator"/> drafts from it.
/// </summary>
public sealed partial class DigestService(
    IDbContextFactory<AnalyticsDbContext> contexts,
    SummaryQuery summaries,
    IInsightGenerator generator,
    TimeProvider time,
    IOptions<DiscordOptions> discord,
    ILogger<DigestService> logger)
{
    /// <summary>Longest Markdown an edit may save (about eight full Discord messages).</summary>
    public const int MaxMarkdownLength = 50_000;

    /// <summary>History entries returned.</summary>
    public const int HistoryLength = 100;

    public static readonly JsonSerializerOptions SummaryJsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The seven whole UTC days before <paramref name="today"/>.</summary>
    public static AnalyticsWindow LastWeek(int today) => new(WindowKind.Custom, today - 7, today);

    /// <summary>Writes and stores a new draft digest; null when the guild is unknown.</summary>
    public async Task<Digest?> GenerateAsync(ulong guildId, bool scheduled, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var query = new AnalyticsQuery(guildId, LastWeek(DayBucket.FromUnixMs(now)), DigestMarkdownWriter.ListLength, discord.Value.IncludeBots);
        var summary = await summaries.RunAsync(query, cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var report = await DraftActionsAsync(summary, cancellationToken);
        // Only grounded suggestions make it into the digest, so the whole digest stays grounded.
        var actions = report.Actions.Where(a => GroundingCheck.Check(summary, [a.Title, a.Text]).IsGrounded).ToList();
        var digest = new Digest
        {
            GuildId = (long)guildId,
            CreatedAt = now,
            WindowStartAt = query.Window.StartAt,
            WindowEndAt = query.Window.EndAt,
            SummaryJson = JsonSerializer.Serialize(summary, SummaryJsonOptions),
            Markdown = DigestMarkdownWriter.Write(summary, actions),
            Generator = report.Generator,
            Scheduled = scheduled,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Digests.Add(digest);
        await db.SaveChangesAsync(cancellationToken);
        LogGenerated(logger, guildId, digest.Id, report.Generator);
        return digest;
    }

    /// <summary>The guild's digests, newest first.</summary>
    public async Task<IReadOnlyList<Digest>> ListAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Digests.AsNoTracking()
            .Where(d => d.GuildId == (long)guildId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(HistoryLength)
            .ToListAsync(cancellationToken);
    }

    public async Task<Digest?> FindAsync(ulong guildId, long digestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Digests.AsNoTracking().FirstOrDefaultAsync(d => d.Id == digestId && d.GuildId == (long)guildId, cancellationToken);
    }

    /// <summary>Channels a digest can be posted to: the guild's text and announcement channels (not threads), by name.</summary>
    public async Task<IReadOnlyList<DigestChannel>> ListChannelsAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Channels.AsNoTracking()
            .Where(c => c.GuildId == (long)guildId && !c.IsThread && (c.Type == ChannelTypes.Text || c.Type == ChannelTypes.Announcement))
            .OrderBy(c => c.Name).ThenBy(c => c.ChannelId)
            .Select(c => new { c.ChannelId, c.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new DigestChannel(((ulong)c.ChannelId).ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name))];
    }

    /// <summary>Saves an edit of a draft. Posted (or partly posted) digests keep their text: a resumed post must send the same parts.</summary>
    public async Task<DigestEditOutcome> SaveMarkdownAsync(ulong guildId, long digestId, string markdown, CancellationToken cancellationToken)
    {
        if (markdown.Length > MaxMarkdownLength)
        {
            return DigestEditOutcome.TooLong;
        }

        if (string.IsNullOrWhiteSpace(markdown))
        {
            return DigestEditOutcome.Empty;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var digest = await db.Digests.FirstOrDefaultAsync(d => d.Id == digestId && d.GuildId == (long)guildId, cancellationToken);
        if (digest is null)
        {
            return DigestEditOutcome.NotFound;
        }

        if (digest.Status != DigestStatus.Draft)
        {
            return DigestEditOutcome.AlreadyPosted;
        }

        digest.Markdown = MarkdownText.WellFormed(markdown.ReplaceLineEndings("\n"));
        await db.SaveChangesAsync(cancellationToken);
        return DigestEditOutcome.Saved;
    }

    private async Task<InsightReport> DraftActionsAsync(AnalyticsSummary summary, CancellationToken cancellationToken)
    {
        try
        {
            return await generator.GenerateAsync(summary, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A digest never fails for want of suggestions: the offline rules need nothing but the summary.
            LogGeneratorFailed(logger, ex, summary.GuildId);
            return await new OfflineInsightGenerator().GenerateAsync(summary, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {DigestId} generated for guild {GuildId} (actions by {Generator})")]
    private static partial void LogGenerated(ILogger logger, ulong guildId, long digestId, string generator);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Insight generator failed for guild {GuildId}; the digest uses the offline suggestions")]
    private static partial void LogGeneratorFailed(ILogger logger, Exception exception, string guildId);
}
