using DiscordAnalytics.Core.Analytics.ChannelDays;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The most reacted messages created in a window, with excerpt and a jump link. The candidates come from each day's
/// leaders in memory (<see cref="ChannelDayIndex"/>): a message is counted on its own day only, so the window's first N
/// are among their days' first N; only when more are needed than a day keeps are they ranked in SQL.
/// </summary>
public sealed class TopContentQuery(IDbContextFactory<AnalyticsDbContext> contexts, ChannelDayIndex channelDays)
{
    public async Task<IReadOnlyList<ContentStat>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        // A message's day is its snowflake's, so the window is a range of the key: no index to keep up to date
        // on every reaction.
        var (firstId, endId) = (MessageIdRange.FirstIdAt(DayBucket.StartMs(start)), MessageIdRange.FirstIdAt(DayBucket.StartMs(end)));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Ranked on top content alone, then only the leaders are looked up in the message facts (a year of a
        // busy guild has hundreds of thousands of reacted messages: a fact lookup for each took most of the time).
        // A leader drops out only when its message is a bot's and bots are excluded, so a few more are read than
        // shown, and more again in the rare case that too few remain.
        var top = new List<TopMessage>();
        for (var candidates = (query.Top * 2) + 20; ; candidates *= 4)
        {
            var leaders = await channelDays.ReadAsync(db, guild, start, end, ChannelDayParts.Leaders, day => Leaders(day, start, end, bots, candidates), cancellationToken)
                ?? [.. (await db.TopContentDaily
                    .Where(t => t.GuildId == guild && t.MessageId >= firstId && t.MessageId < endId && t.Day >= start && t.Day < end)
                    .Select(t => new { t.MessageId, t.ChannelId, Score = t.ReactionScore + (bots ? t.BotReactionScore : 0) })
                    .Where(t => t.Score > 0)
                    .OrderByDescending(t => t.Score)
                    .ThenBy(t => t.MessageId)
                    .Take(candidates)
                    .ToListAsync(cancellationToken)).Select(t => new Leader(t.MessageId, t.ChannelId, t.Score))];
            var ids = leaders.Select(t => t.MessageId).ToList();
            var facts = await db.MessageFacts
                .Where(f => f.GuildId == guild && ids.Contains(f.MessageId))
                .Select(f => new { f.MessageId, f.ThreadId, f.AuthorId, f.Excerpt, f.CreatedAt, f.IsBot, IsDeleted = f.DeletedAt != null })
                .ToDictionaryAsync(f => f.MessageId, cancellationToken);
            top = [.. leaders
                .Select(t => (Leader: t, Fact: facts.GetValueOrDefault(t.MessageId)))
                .Where(x => x.Fact is null || (!x.Fact.IsDeleted && (bots || !x.Fact.IsBot)))
                .Take(query.Top)
                .Select(x => new TopMessage(x.Leader.MessageId, x.Leader.ChannelId, x.Leader.Score, x.Fact?.ThreadId, x.Fact?.AuthorId, x.Fact?.Excerpt, x.Fact?.CreatedAt))];
            if (top.Count == query.Top || leaders.Count < candidates)
            {
                break;
            }
        }

        var channelIds = top.Select(x => x.ChannelId).Distinct().ToList();
        var channelNames = await Names.OfChannelsAsync(db, guild, channelIds, cancellationToken);
        // A hidden member's message keeps its place and score, but shows neither its author nor its excerpt.
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
        top = [.. top.Select(x => visible.MayShowContentOf(x.AuthorId) ? x : x with { AuthorId = null, Excerpt = null, ByHiddenMember = true })];
        var authorIds = top.Where(x => x.AuthorId is not null).Select(x => x.AuthorId!.Value).Distinct().ToList();
        var authorNames = await Names.OfMembersAsync(db, guild, authorIds, cancellationToken);

        return [.. top.Select(x => new ContentStat(
            x.MessageId.ToString(),
            x.ChannelId.ToString(),
            x.AuthorId?.ToString(),
            x.Score,
            x.Excerpt,
            // Discord links a thread message through the thread's id.
            $"https://discord.com/channels/{guild}/{x.ThreadId ?? x.ChannelId}/{x.MessageId}",
            x.CreatedAt ?? MessageIdRange.CreatedAt(x.MessageId))
        {
            ChannelName = Names.OrId(channelNames.GetValueOrDefault(x.ChannelId), x.ChannelId),
            AuthorName = x.AuthorId is { } a ? Names.OrId(authorNames.GetValueOrDefault(a), a) : null,
            ByHiddenMember = x.ByHiddenMember,
        })];
    }

    /// <summary>
    /// The window's first <paramref name="candidates"/> from its days' leaders, or null when a day kept fewer leaders than
    /// that while it had more reacted messages (then they are ranked in SQL).
    /// </summary>
    private static List<Leader>? Leaders(Func<int, ChannelDay> day, int start, int end, bool bots, int candidates)
    {
        var merged = new List<Leader>();
        for (var d = start; d < end; d++)
        {
            var held = day(d);
            if (held.LeadersCut && candidates > ChannelDay.LeadersPerDay)
            {
                return null;
            }

            merged.AddRange(held.Leaders(bots).Take(candidates).Select(c => new Leader(c.MessageId, c.ChannelId, c.ScoreWith(bots))));
        }

        return [.. merged.OrderByDescending(t => t.Score).ThenBy(t => t.MessageId).Take(candidates)];
    }

    private sealed record Leader(long MessageId, long ChannelId, long Score);

    private sealed record TopMessage(long MessageId, long ChannelId, long Score, long? ThreadId, long? AuthorId, string? Excerpt, long? CreatedAt)
    {
        public bool ByHiddenMember { get; init; }
    }
}
