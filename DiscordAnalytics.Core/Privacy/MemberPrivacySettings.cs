using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Privacy;

/// <summary>
/// Reads and changes members' opt-outs. Hidden and visible are a row in <c>memberPrivacy</c> that the list queries
/// read at query time (<see cref="VisibleMembers"/>). Forgotten goes through the single ingestion writer (<see cref="IngestEventType.MemberForget"/>),
/// so the deletion is one transaction with the rollups; this waits until it is committed.
/// </summary>
public sealed partial class MemberPrivacySettings(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IIngestionSink sink,
    IIngestionFlusher flusher,
    InsightsService insights,
    ForgottenDigestScrubber digests,
    TimeProvider time,
    ILogger<MemberPrivacySettings> logger)
{
    /// <summary>Most members <see cref="FindMembersAsync"/> offers.</summary>
    public const int MaxKnownMembers = 20;

    /// <summary>The guild's opt-outs, newest first; null when the guild is unknown.</summary>
    public async Task<IReadOnlyList<MemberPrivacyEntry>?> ListAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return null;
        }

        var rows = await (
                from p in db.MemberPrivacy
                where p.GuildId == guildId
                join m in db.Members on new { p.GuildId, p.UserId } equals new { m.GuildId, m.UserId } into members
                from m in members.DefaultIfEmpty()
                orderby p.SetAt descending, p.UserId
                select new { p.UserId, Name = m == null ? null : m.DisplayName, p.Choice, p.SetAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MemberPrivacyEntry(
            r.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.IsNullOrEmpty(r.Name) ? null : r.Name,
            r.Choice,
            r.SetAt))];
    }

    /// <summary>
    /// Known members whose name contains <paramref name="search"/> (case-insensitive) or whose user id it is, by name;
    /// forgotten members are never known.
    /// </summary>
    public async Task<IReadOnlyList<KnownMember>> FindMembersAsync(long guildId, string? search, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = db.Members.Where(m => m.GuildId == guildId && m.DisplayName != string.Empty);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var trimmed = search.Trim();
            var pattern = $"%{trimmed.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            // An id typed in full finds its member, whose name rarely contains it; ids are positive, so -1 finds nobody.
            var userId = long.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var typed) ? typed : -1;
            members = members.Where(m => EF.Functions.Like(m.DisplayName, pattern, "\\") || m.UserId == userId);
        }

        var found = await members.OrderBy(m => m.DisplayName).ThenBy(m => m.UserId).Take(MaxKnownMembers)
            .Select(m => new { m.UserId, m.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. found.Select(m => new KnownMember(m.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), m.DisplayName))];
    }

    /// <summary>Applies the opt-out word of a request (see <see cref="MemberPrivacyChoices.IsKnown"/>).</summary>
    public Task<MemberPrivacyUpdate> SetAsync(long guildId, long userId, string choice, CancellationToken cancellationToken) =>
        StoredNames<MemberPrivacyChoice>.TryParse(choice, out var known)
            ? SetAsync(guildId, userId, known, cancellationToken)
            : throw new ArgumentOutOfRangeException(nameof(choice), choice, "hidden, forgotten or visible");

    /// <summary>
    /// Applies <paramref name="choice"/>: hidden adds the row, visible removes a hidden row, forgotten deletes the member
    /// everywhere and answers only once that is committed.
    /// </summary>
    public async Task<MemberPrivacyUpdate> SetAsync(long guildId, long userId, MemberPrivacyChoice choice, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(choice))
        {
            throw new ArgumentOutOfRangeException(nameof(choice), choice, "hidden, forgotten or visible");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return MemberPrivacyUpdate.GuildNotFound;
        }

        if (await IsForgottenAsync(db, guildId, userId, cancellationToken))
        {
            if (choice == MemberPrivacyChoice.Forgotten)
            {
                // Asking again finishes what a failed or interrupted scrub left (the privacy job would, minutes later).
                await ScrubDigestsAsync(guildId, userId, cancellationToken);
            }

            return MemberPrivacyUpdate.AlreadyForgotten;
        }

        var update = await ApplyAsync(db, guildId, userId, choice, cancellationToken);
        if (update == MemberPrivacyUpdate.Saved)
        {
            // Insights generated before may name them.
            insights.Forget((ulong)guildId);
        }

        return update;
    }

    private async Task<MemberPrivacyUpdate> ApplyAsync(AnalyticsDbContext db, long guildId, long userId, MemberPrivacyChoice choice, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        switch (choice)
        {
            case MemberPrivacyChoice.Hidden:
                // Never over a forgotten row (the writer may have forgotten them since the check above).
                await ChangeHiddenAsync(db, guildId, () => db.Database.ExecuteSqlAsync(
                    $"INSERT INTO memberPrivacy (guildId, userId, choice, setAt) VALUES ({guildId}, {userId}, {MemberPrivacyChoice.Hidden.StoredName()}, {now}) ON CONFLICT (guildId, userId) DO NOTHING",
                    cancellationToken), cancellationToken);
                return await IsForgottenAsync(db, guildId, userId, cancellationToken) ? MemberPrivacyUpdate.AlreadyForgotten : MemberPrivacyUpdate.Saved;
            case MemberPrivacyChoice.Visible:
                await ChangeHiddenAsync(db, guildId, () => db.MemberPrivacy
                    .Where(p => p.GuildId == guildId && p.UserId == userId && p.Choice == MemberPrivacyChoice.Hidden)
                    .ExecuteDeleteAsync(cancellationToken), cancellationToken);
                return await IsForgottenAsync(db, guildId, userId, cancellationToken) ? MemberPrivacyUpdate.AlreadyForgotten : MemberPrivacyUpdate.Saved;
            default:
                await sink.WriteAsync(
                    new IngestEvent { Type = IngestEventType.MemberForget, GuildId = (ulong)guildId, UserId = (ulong)userId, EventAt = now },
                    cancellationToken);
                await flusher.FlushAsync(cancellationToken);
                if (!await IsForgottenAsync(db, guildId, userId, cancellationToken))
                {
                    return MemberPrivacyUpdate.ForgetNotCommitted;
                }

                // Insights kept in memory may name them; stored digests are documents built from past summaries, outside
                // the writer's tables. The forget is committed whatever happens to the scrub.
                insights.Forget((ulong)guildId);
                await ScrubDigestsAsync(guildId, userId, cancellationToken);
                return MemberPrivacyUpdate.Saved;
        }
    }

    /// <summary>
    /// Runs a change of who is hidden and, when it changed a row, drops the guild's stored keyword days in the same
    /// transaction: they were computed without (or with) this member's words (<see cref="KeywordDays"/>).
    /// </summary>
    private static async Task ChangeHiddenAsync(AnalyticsDbContext db, long guildId, Func<Task<int>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await change() > 0)
        {
            await KeywordDays.ForgetGuildAsync(db, guildId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Scrubs the member out of stored and posted digests. A failure (a store error, Discord unreachable) is logged, not
    /// thrown: the forget itself is committed, and the privacy job's <see cref="ForgottenDigestScrubber.RunPendingAsync"/>
    /// finds what is left (a digest still holding their id, a posted digest marked for an edit) and finishes it.
    /// </summary>
    private async Task ScrubDigestsAsync(long guildId, long userId, CancellationToken cancellationToken)
    {
        try
        {
            await digests.ScrubAsync(guildId, userId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogScrubFailed(logger, ex, guildId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scrubbing a forgotten member out of guild {GuildId}'s digests failed; the privacy job finishes it")]
    private static partial void LogScrubFailed(ILogger logger, Exception exception, long guildId);

    private static Task<bool> IsForgottenAsync(AnalyticsDbContext db, long guildId, long userId, CancellationToken cancellationToken) =>
        db.MemberPrivacy.AnyAsync(p => p.GuildId == guildId && p.UserId == userId && p.Choice == MemberPrivacyChoice.Forgotten, cancellationToken);
}
