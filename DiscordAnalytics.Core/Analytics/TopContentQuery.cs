using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>The most reacted messages created in a window, with excerpt and a jump link.</summary>
public sealed class TopContentQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public async Task<IReadOnlyList<ContentStat>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        // A message's day is its snowflake's, so the window is a range of the key: no index to keep up to date
        // on every reaction.
        var (firstId, endId) = (MessageIdRange.FirstIdAt(DayBucket.StartMs(start)), MessageIdRange.FirstIdAt(DayBucket.StartMs(end)));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var top = await (
                from t in db.TopContentDaily
                where t.GuildId == guild && t.MessageId >= firstId && t.MessageId < endId && t.Day >= start && t.Day < end
                join f in db.MessageFacts on new { t.GuildId, t.MessageId } equals new { f.GuildId, f.MessageId } into facts
                from f in facts.DefaultIfEmpty()
                let score = t.ReactionScore + (bots ? t.BotReactionScore : 0)
                where score > 0 && (f == null || (f.DeletedAt == null && (bots || !f.IsBot)))
                orderby score descending, t.MessageId
                select new
                {
                    t.MessageId,
                    t.ChannelId,
                    Score = score,
                    ThreadId = f == null ? null : f.ThreadId,
                    AuthorId = f == null ? null : f.AuthorId,
                    Excerpt = f == null ? null : f.Excerpt,
                    CreatedAt = f == null ? (long?)null : f.CreatedAt,
                })
            .Take(query.Top)
            .ToListAsync(cancellationToken);

        var channelIds = top.Select(x => x.ChannelId).Distinct().ToList();
        var channelNames = await db.Channels
            .Where(c => c.GuildId == guild && channelIds.Contains(c.ChannelId))
            .ToDictionaryAsync(c => c.ChannelId, c => c.Name, cancellationToken);
        // A hidden member's message keeps its place and score, but shows neither its author nor its excerpt.
        var mentioned = top.Where(x => x.AuthorId is not null).Select(x => x.AuthorId!.Value).Distinct().ToList();
        var hidden = (await db.MemberPrivacy
            .Where(p => p.GuildId == guild && mentioned.Contains(p.UserId))
            .Select(p => p.UserId)
            .ToListAsync(cancellationToken)).ToHashSet();
        top = [.. top.Select(x => x.AuthorId is { } author && hidden.Contains(author) ? x with { AuthorId = null, Excerpt = null } : x)];
        var authorIds = mentioned.Where(a => !hidden.Contains(a)).ToList();
        var authorNames = await db.Members
            .Where(m => m.GuildId == guild && authorIds.Contains(m.UserId))
            .ToDictionaryAsync(m => m.UserId, m => m.DisplayName, cancellationToken);

        return [.. top.Select(x => new ContentStat(
            x.MessageId.ToString(),
            x.ChannelId.ToString(),
            x.AuthorId?.ToString(),
            x.Score,
            x.Excerpt,
            // Discord links a thread message through the thread's id.
            $"https://discord.com/channels/{guild}/{x.ThreadId ?? x.ChannelId}/{x.MessageId}",
            x.CreatedAt ?? Discord.Snowflake.ToUnixMs((ulong)x.MessageId))
        {
            ChannelName = Names.OrId(channelNames.GetValueOrDefault(x.ChannelId), x.ChannelId),
            AuthorName = x.AuthorId is { } a ? Names.OrId(authorNames.GetValueOrDefault(a), a) : null,
        })];
    }
}
