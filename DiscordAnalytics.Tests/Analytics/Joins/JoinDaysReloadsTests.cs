using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Invites;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Joins;

/// <summary>
/// One activation card and one invites card kept across the writer's batches (as the app's singletons are): after every
/// batch of joins (bots', rejoins, attributed or not), posts (some read late, some deleted), leaves and a forget, with the
/// clock moving on, both equal a fresh card reading the store, for a window ending today, one ending before it and one in
/// the past, with and without bots. A reload reads only the join days whose stored version moved: none after a message of
/// a member never seen joining, exactly the one day of a new join.
/// </summary>
public abstract class JoinDaysReloadsTests(StoreProvider provider)
{
    private const ulong G = 9_700;
    private const ulong Text = 9_701;
    private const long Day = DayBucket.MillisecondsPerDay;
    private const int Days = 50;
    private static readonly DateOnly First = new(2026, 9, 1);
    private static readonly (string Code, ulong? Inviter)[] Codes = [("alpha", 9_761), ("beta", 9_762), ("vanity", null)];

    private static long Start => DayBucket.StartMs(DayBucket.FromDate(First));

    [Theory]
    [InlineData(71)]
    [InlineData(72)]
    public async Task Cards_KeptAcrossTheWritersBatches_EqualAFreshReadAfterEach(int seed)
    {
        var random = new Random(seed);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var timeline = new List<(long At, int Order, IngestEvent Event)>();
        var late = new List<IngestEvent>();
        ulong message = 1;
        for (ulong user = 20_001; user <= 20_060; user++)
        {
            var bot = user % 11 == 0;
            var at = Start + random.NextInt64(0, (Days - 2) * Day);
            for (var stay = 0; stay < 1 + random.Next(2) && at < Start + (Days * Day); stay++)
            {
                timeline.Add((at, 0, Join(G, user, $"m{user}", at) with { IsBot = bot }));
                if (random.Next(6) != 0)
                {
                    timeline.Add((at, 1, Attributed(G, user, random.Next(5) == 0 ? null : Codes[random.Next(Codes.Length)].Code, at)));
                }

                for (var p = random.Next(4); p > 0; p--)
                {
                    var postAt = at + random.NextInt64(1, 10 * Day);
                    var post = Message(G, Text, user, postAt, message++, bot: bot);
                    if (random.Next(5) == 0)
                    {
                        // History read late: the post reaches the writer after everything else, rejoins included.
                        late.Add(post);
                    }
                    else
                    {
                        timeline.Add((postAt, 2, post));
                    }

                    if (random.Next(8) == 0)
                    {
                        timeline.Add((postAt + 60_000, 3, Delete(G, Text, message - 1, postAt + 60_000)));
                    }
                }

                if (random.Next(2) != 0)
                {
                    break;
                }

                var leftAt = at + random.NextInt64(Day / 2, 20 * Day);
                timeline.Add((leftAt, 4, Leave(G, user, leftAt)));
                at = leftAt + random.NextInt64(Day, 5 * Day);
            }
        }

        var end = Start + (Days * Day);
        var stream = new List<IngestEvent> { Guild(G, "joins", Start - Day), Channel(G, Text, "general", Start - Day) };
        stream.AddRange(Codes.Select(c => Invite(G, c.Code, c.Inviter, 0, Start - Day, vanity: c.Inviter is null)));
        stream.AddRange(timeline.Where(t => t.At < end).OrderBy(t => t.At).ThenBy(t => t.Order).Select(t => t.Event));
        stream.AddRange(late.Where(e => e.EventAt < end));
        stream.Add(Forget(G, 20_003, end - 1));

        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start));
        var holders = new RoleHolders(store);
        var (activation, invites) = (new NewMemberActivationQuery(store, time, holders), new InvitesQuery(store, time));
        var batches = 0;
        for (var at = 0; at < stream.Count; batches++)
        {
            var chunk = stream.Skip(at).Take(random.Next(1, 40)).ToArray();
            at += chunk.Length;
            await store.WriteAsync(chunk);
            var latest = DateTimeOffset.FromUnixTimeMilliseconds(chunk.Max(e => e.EventAt) + (3 * 3_600_000));
            if (latest > time.GetUtcNow())
            {
                time.SetUtcNow(latest);
            }

            await AssertKeptEqualsFreshAsync(store, time, holders, activation, invites);
        }

        Assert.True(batches > 10, "the stream should come in many batches");

        // A message of a member never seen joining changes no join day: nothing is read again.
        var (activationDays, inviteDays) = (activation.DaysRead, invites.DaysRead);
        await store.WriteAsync(Message(G, Text, 30_000, end - 1_000, message++));
        await AssertKeptEqualsFreshAsync(store, time, holders, activation, invites);
        Assert.Equal((activationDays, inviteDays), (activation.DaysRead, invites.DaysRead));

        // A join on the last day: exactly that day is read again, once (the windows holding it share the held day).
        await store.WriteAsync(Join(G, 20_999, "newcomer", end - 500), Attributed(G, 20_999, "alpha", end - 500));
        await AssertKeptEqualsFreshAsync(store, time, holders, activation, invites);
        Assert.Equal((activationDays + 1, inviteDays + 1), (activation.DaysRead, invites.DaysRead));
    }

    private static async Task AssertKeptEqualsFreshAsync(TempSqliteStore store, FakeTimeProvider time, RoleHolders holders, NewMemberActivationQuery activation, InvitesQuery invites)
    {
        var today = DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds());
        AnalyticsWindow[] windows = [AnalyticsWindow.Last(30, today), AnalyticsWindow.Last(7, today - 1), AnalyticsWindow.Between(First.AddDays(3), First.AddDays(20))];
        foreach (var window in windows)
        {
            foreach (var bots in new[] { false, true })
            {
                var query = new AnalyticsQuery(G, window, AnalyticsQuery.MaxTop, bots);
                Assert.Equal(
                    Json(await new NewMemberActivationQuery(store, time, holders).RunAsync(query, CancellationToken.None)),
                    Json(await activation.RunAsync(query, CancellationToken.None)));
                Assert.Equal(
                    Json(await new InvitesQuery(store, time).RunAsync(query, CancellationToken.None)),
                    Json(await invites.RunAsync(query, CancellationToken.None)));
            }
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    public sealed class OnSqlite() : JoinDaysReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : JoinDaysReloadsTests(StoreProvider.Postgres);
}
