using System.Globalization;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// Mentor candidates (summary <c>mentors</c>): the members who answer help threads and questions first, most often, with
/// reactions on those answers. Read from the support facts the writer keeps (which threads are help threads, which
/// questions were asked and their recorded answer, as <see cref="SupportSignalsQuery"/> reads them, bots not counted)
/// and the messages of those threads and replies to those questions:
/// <list type="bullet">
/// <item>The help threads started and the questions asked in the window count, with their answers whenever posted.</item>
/// <item>An answer in a help thread is any message of the thread by a human other than its starter's author; an answer to a
/// question is its recorded answer and any reply to it by a human other than the asker. Deleted messages never answer;
/// the asker never answers their own question; bots never answer.</item>
/// <item><c>firstAnswers</c>: threads and questions whose earliest answer (time, then id) is the member's;
/// <c>answers</c>: threads and questions the member answered at all (many messages in one thread are one);
/// <c>reactionsOnAnswers</c>: reactions present now on the member's answer messages, by humans other than the member.</item>
/// <item>Ranked by first answers, then answers, then reactions, then id. Forgotten members never appear; hidden members
/// are ranked (the activity roles act on them) but never listed.</item>
/// </list>
/// The threads, questions, answers and reactions are held in memory per guild and brought up to date from the writer's
/// commits (<see cref="MentorIndex"/>): a call reads the window's kept sums, brought up to the days that changed.
/// </summary>
public sealed class MentorsQuery(IDbContextFactory<AnalyticsDbContext> contexts, MentorIndex index)
{
    /// <summary>How many candidates the summary lists.</summary>
    public const int MaxListed = 10;

    /// <summary>A query with held mentors of its own (tests; the app shares one <see cref="MentorIndex"/> the writer tells).</summary>
    public MentorsQuery(IDbContextFactory<AnalyticsDbContext> contexts)
        : this(contexts, new MentorIndex(NullLogger<MentorIndex>.Instance))
    {
    }

    /// <summary>The listed candidates of the query's window: hidden members left out, at most <see cref="MaxListed"/>.</summary>
    public async Task<IReadOnlyList<MentorStat>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var guild = (long)query.GuildId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One connection for the call's few statements: each open of a pooled one runs the store's pragmas again.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
        var helpChannels = await HelpChannelSettings.HelpChannelIdsAsync(db, guild, cancellationToken);
        // The kept ranking, best first: the listed few are the first visible ones, without looking at every candidate.
        List<MentorScore> listed = helpChannels.Count == 0
            ? []
            : await index.RankedAsync(
                db, guild, helpChannels, query.Window.StartAt, query.Window.EndAt, ranked => ranked.Where(m => visible.IsListed(m.User) && !visible.IsForgotten(m.User)).Take(MaxListed).ToList(), cancellationToken);
        var ids = listed.Select(m => m.User).ToList();
        var names = await Names.OfMembersAsync(db, guild, ids, cancellationToken);
        return [.. listed.Select(m => new MentorStat(
            m.User.ToString(CultureInfo.InvariantCulture), Names.OrId(names.GetValueOrDefault(m.User), m.User), m.FirstAnswers, m.Answers, m.ReactionsOnAnswers))];
    }

    /// <summary>Every candidate of help threads and questions asked in [<paramref name="startAt"/>, <paramref name="endAt"/>), best first; forgotten members left out, hidden ones kept.</summary>
    public async Task<IReadOnlyList<MentorScore>> RankAsync(long guild, long startAt, long endAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
        var helpChannels = await HelpChannelSettings.HelpChannelIdsAsync(db, guild, cancellationToken);
        if (helpChannels.Count == 0)
        {
            return [];
        }

        return await index.RankedAsync(db, guild, helpChannels, startAt, endAt, ranked => ranked.Where(m => !visible.IsForgotten(m.User)).ToList(), cancellationToken);
    }
}
