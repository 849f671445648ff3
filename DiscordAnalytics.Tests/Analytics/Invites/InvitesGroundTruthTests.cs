using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Invites;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Invites;

/// <summary>
/// A random community's joins (some rejoin), leaves, posts (some read late, after a rejoin) and join attributions (an
/// invite, or unknown) through the real writer in random batch sizes, against brute force over the generated stream: per
/// invite and per inviter, every join that falls in the window (each on its own), how many of those stays had a post within
/// 7 days of the join, and how many were still members 30 days after it.
/// </summary>
public abstract class InvitesGroundTruthTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 9_500;
    private const long Day = DayBucket.MillisecondsPerDay;
    private const ulong Channel = 951;
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly long Start = Now.AddDays(-120).ToUnixTimeMilliseconds();
    private static readonly (string Code, ulong? Inviter)[] Codes = [("alpha", 961), ("beta", 962), ("gamma", 961), ("vanity", null)];
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync() => _store = await TempSqliteStore.CreateFromTemplateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Query_RandomJoinsLeavesPosts_EqualsBruteForce(int seed)
    {
        var random = new Random(seed);
        var timeline = new List<(long At, int Order, IngestEvent Event)>();
        var late = new List<IngestEvent>();
        var joins = new List<(ulong User, long At, string? Code)>();
        var leaves = new List<(ulong User, long At)>();
        var posts = new List<(ulong User, long At)>();
        ulong message = 1;
        for (ulong user = 10_001; user <= 10_140; user++)
        {
            var at = Start + random.NextInt64(0, 115 * Day);
            for (var stay = 0; stay < 1 + random.Next(2) && at < Now.ToUnixTimeMilliseconds(); stay++)
            {
                // An attributed join (or unknown), or one never attributed (tracking was off): counted in no row.
                var attributed = random.Next(8) != 0;
                string? code = random.Next(5) == 0 ? null : Codes[random.Next(Codes.Length)].Code;
                timeline.Add((at, 0, Join(G, user, $"m{user}", at)));
                if (attributed)
                {
                    timeline.Add((at, 1, Attributed(G, user, code, at)));
                    joins.Add((user, at, code));
                }
                else
                {
                    joins.Add((user, at, "never"));
                }

                for (var p = random.Next(4); p > 0; p--)
                {
                    var postAt = at + random.NextInt64(1, 20 * Day);
                    posts.Add((user, postAt));
                    var post = Message(G, Channel, user, postAt, message++);
                    if (random.Next(5) == 0)
                    {
                        // History read late: the post reaches the writer after everything else, rejoins included.
                        late.Add(post);
                    }
                    else
                    {
                        timeline.Add((postAt, 2, post));
                    }
                }

                if (random.Next(2) == 0)
                {
                    var leftAt = at + random.NextInt64(Day / 2, 60 * Day);
                    leaves.Add((user, leftAt));
                    timeline.Add((leftAt, 3, Leave(G, user, leftAt)));
                    at = leftAt + random.NextInt64(Day, 10 * Day);
                }
                else
                {
                    break;
                }
            }
        }

        var stream = new List<IngestEvent> { Guild(G, "Ground truth", Start - Day), Channel(G, Channel, "general", Start - Day) };
        stream.AddRange(Codes.Select(c => Invite(G, c.Code, c.Inviter, 0, Start - Day, vanity: c.Inviter is null)));
        stream.AddRange(timeline.Where(t => t.At < Now.ToUnixTimeMilliseconds()).OrderBy(t => t.At).ThenBy(t => t.Order).Select(t => t.Event));
        stream.AddRange(late.Where(e => e.EventAt < Now.ToUnixTimeMilliseconds()));
        foreach (var chunk in stream.Chunk(random.Next(1, 50)))
        {
            await _store.WriteAsync(chunk);
        }

        var today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());
        var window = AnalyticsWindow.Last(60, today);
        var query = new AnalyticsQuery(G, window, AnalyticsQuery.MaxTop, false);
        var actual = await new InvitesQuery(_store, new FakeTimeProvider(Now)).RunAsync(query, CancellationToken.None);

        // Brute force: every join before now on its own; a post belongs to the stay it was made in (before any later join).
        var now = Now.ToUnixTimeMilliseconds();
        var counted = joins.Where(j => j.At < now && j.At >= window.StartAt && j.At < window.EndAt && j.Code != "never").ToList();
        var expected = counted
            .GroupBy(j => j.Code)
            .Select(g => (Code: g.Key, Joins: (long)g.Count(), Posted: (long)g.Count(j => Posted(j)), Stayed: (long)g.Count(j => Stayed(j))))
            .OrderByDescending(e => e.Joins).ThenBy(e => e.Code is null).ThenBy(e => e.Code, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual.Invites.Select(i => (i.Code, i.Joins, i.PostedWithinSevenDays, i.StillMembersAfterThirtyDays)));

        var expectedInviters = counted
            .Where(j => Codes.Any(c => c.Code == j.Code && c.Inviter is not null))
            .GroupBy(j => Codes.Single(c => c.Code == j.Code).Inviter!.Value)
            .Select(g => (Inviter: g.Key.ToString(), Joins: (long)g.Count(), Posted: (long)g.Count(j => Posted(j)), Stayed: (long)g.Count(j => Stayed(j))))
            .OrderByDescending(e => e.Joins).ThenBy(e => ulong.Parse(e.Inviter))
            .ToList();
        Assert.Equal(expectedInviters, actual.Inviters.Select(i => (i.InviterId!, i.Joins, i.PostedWithinSevenDays, i.StillMembersAfterThirtyDays)));
        Assert.True(counted.Count > 20 && expected.Any(e => e.Stayed > 0) && expected.Any(e => e.Posted > 0), "the stream should have joins that posted and stayed");
        Assert.True(counted.GroupBy(j => j.User).Any(g => g.Count() > 1), "the window should hold members who joined twice");

        bool Posted((ulong User, long At, string? Code) join) => posts.Any(p =>
            p.User == join.User && p.At >= join.At && p.At < join.At + (7 * Day) && p.At < now
            && !joins.Any(later => later.User == join.User && later.At > join.At && later.At <= p.At));

        bool Stayed((ulong User, long At, string? Code) join) =>
            join.At + (30 * Day) <= now && !leaves.Any(l => l.User == join.User && l.At > join.At && l.At < join.At + (30 * Day));
    }

    public sealed class OnSqlite() : InvitesGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : InvitesGroundTruthTests(StoreProvider.Postgres);
}
