using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// Where the bench's live help-channel messages go, as the generators write help traffic: the help text channel with the
/// newest top-level human message, its last poster (<paramref name="Answerer"/>) and the newest other poster there
/// (<paramref name="Asker"/>), so a new message of the asker opens a run (a question) and the answerer's reply to it answers
/// it; and the newest human help thread with a member other than its starter who answers in it.
/// </summary>
/// <param name="Channel">A help text channel.</param>
/// <param name="Thread">The newest help thread (a forum post or a thread of a help channel); 0 when there is none.</param>
/// <param name="ThreadAnswerer">A member other than the thread's starter.</param>
public sealed record LiveHelpPlan(ulong Channel, ulong Asker, ulong Answerer, ulong Thread, ulong ThreadAnswerer)
{
    /// <summary>The plan for the guild; null when it has no help text channel with messages by two members.</summary>
    public static async Task<LiveHelpPlan?> ReadAsync(IServiceProvider services, ulong guildId, CancellationToken cancellationToken)
    {
        var guild = (long)guildId;
        var choices = await services.GetRequiredService<HelpChannelSettings>().GetAsync(guild, cancellationToken) ?? [];
        var help = choices.Where(c => c.IsHelpChannel).ToList();
        await using var db = await services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync(cancellationToken);
        (long Channel, long MessageId, long Author)? newest = null;
        foreach (var channel in help.Where(c => c.Type == ChannelTypes.Text).Select(c => long.Parse(c.ChannelId, System.Globalization.CultureInfo.InvariantCulture)))
        {
            var last = await Posts(db, channel).Select(m => new { m.MessageId, Author = m.AuthorId!.Value }).FirstOrDefaultAsync(cancellationToken);
            if (last is not null && (newest is null || last.MessageId > newest.Value.MessageId))
            {
                newest = (channel, last.MessageId, last.Author);
            }
        }

        if (newest is not { } found)
        {
            return null;
        }

        var other = await Posts(db, found.Channel).Where(m => m.AuthorId != found.Author).Select(m => m.AuthorId).FirstOrDefaultAsync(cancellationToken);
        if (other is not { } asker)
        {
            return null;
        }

        List<long> parents = [.. help.Select(c => long.Parse(c.ChannelId, System.Globalization.CultureInfo.InvariantCulture))];
        var thread = await (
            from t in db.SupportThreads
            join c in db.Channels on new { t.GuildId, ChannelId = t.ThreadId } equals new { c.GuildId, c.ChannelId }
            where t.GuildId == guild && !t.StarterGone && !t.StarterIsBot && t.StarterAuthorId != null && c.ParentId != null && parents.Contains(c.ParentId.Value)
            orderby t.StartedAt descending
            select new { t.ThreadId, Starter = t.StarterAuthorId!.Value })
            .FirstOrDefaultAsync(cancellationToken);
        var threadAnswerer = thread is null || thread.Starter != found.Author ? found.Author : asker;
        return new LiveHelpPlan((ulong)found.Channel, (ulong)asker, (ulong)found.Author, (ulong)(thread?.ThreadId ?? 0), (ulong)threadAnswerer);

        IQueryable<Core.Storage.Entities.MessageFact> Posts(AnalyticsDbContext context, long channel) =>
            context.MessageFacts.Where(m => m.GuildId == guild && m.ChannelId == channel && m.ThreadId == null && m.IsCreated && m.DeletedAt == null && !m.IsBot && m.AuthorId != null)
                .OrderByDescending(m => m.MessageId);
    }
}
