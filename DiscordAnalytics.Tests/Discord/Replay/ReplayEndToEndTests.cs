using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord.Replay;

/// <summary>
/// Nothing lost, nothing doubled: 200,000 gateway dispatches (about 10% redeliveries, shuffled within
/// windows of 50) go from the loopback Discord emulator to the REAL app running as a child process in
/// live mode, with socket drops (RESUME replays what the client had not received), one expired session
/// (INVALID_SESSION d:false, fresh IDENTIFY) and the process killed outright while events flow, then
/// restarted on the same SQLite file. The store must equal the ground truth of exactly what a correct
/// client must have.
/// <para>
/// What a correct client must have, as Discord behaves (Discord's gateway documentation, Resuming):
/// - A drop followed by RESUME loses nothing: Discord replays every dispatch after the client's seq.
/// - An expired session (INVALID_SESSION d:false) loses what was dispatched after the seq the client
///   resumed with: Discord does not replay into a new session. The emulator records that seq.
/// - A killed process has no session to resume; the new one IDENTIFYs and Discord replays nothing. Lost:
///   whatever the dead process had received but not committed, and whatever was dispatched to the dead
///   session. Kept: exactly what it had committed. Ingestion commits in delivery order, one transaction
///   per batch, so what it committed must be a prefix of what it received; the test finds that prefix
///   from the store's raw-event count, checks it against the committed message ids (no holes) and the
///   rollups (no half batch), and then requires the final store to hold exactly that prefix plus
///   everything delivered after the restart.
/// Such gaps are for history backfill to fill (docs/delivery.md).
/// </para>
/// </summary>
public sealed class ReplayEndToEndTests
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.REPLAY-TOKEN-never-log.xyz";
    private const string ApiKey = "replay-test-api-key-4f0c2b7e9d-81a6c3";
    private const int Deliveries = 200_000;
    private const int SpreadMargin = 2_500;

    private readonly ITestOutputHelper _output;

    public ReplayEndToEndTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Store_ReplayWithDropsExpiredSessionAndKill_EqualsGroundTruthOfWhatWasDelivered()
    {
        // Deletes, leaves and thread creates count on the day they are received (they carry no time of
        // their own) and the truth puts them on today: do not start a run that could cross midnight UTC.
        var untilMidnight = TimeSpan.FromDays(1) - DateTimeOffset.UtcNow.TimeOfDay;
        if (untilMidnight < TimeSpan.FromMinutes(6))
        {
            await Task.Delay(untilMidnight + TimeSpan.FromSeconds(1));
        }

        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var deliveries = ReplayStream.Build(seed: 6, Deliveries, now).Deliveries;
        var plan = new Random(6);
        var invalidAt = Deliveries / 4;
        var killAt = Deliveries * 45 / 100;
        const int LostWhileAway = 500;
        const int LostWhileDead = 300;
        const int HeldAtKill = 300;
        const int SentWhileAway = 2_000;

        // Socket drops at random points, spaced so that each one's RESUME is over before the next.
        var drops = new HashSet<int>(
            Spread(plan, Deliveries / 20, invalidAt - 3_000, 3)
                .Concat(Spread(plan, invalidAt + 3_000, killAt - 3_000, 2))
                .Concat(Spread(plan, killAt + 3_000, Deliveries - 3_000, 3)));

        var folder = Directory.CreateTempSubdirectory("da-replay-");
        var database = Path.Combine(folder.FullName, "analytics.db");
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.ReadyGuildIds = [ReplayStream.GuildId.ToString()];
        var environment = new Dictionary<string, string>
        {
            ["Discord__Token"] = Token,
            ["Discord__ApiBaseUrl"] = emulator.ApiBaseUrl,
            ["Discord__GatewayUrl"] = emulator.GatewayUrl,
            ["Storage__ConnectionString"] = $"Data Source={database}",
            ["Demo__Enabled"] = "false",
            ["Auth__ApiKey"] = ApiKey,
            ["Logging__LogLevel__Default"] = "Warning",
            // What is stored and what the API answers is looked at, not the dashboard's first visit: the second process
            // would otherwise build every window of the first one's store beside the stream it is being sent.
            ["WarmUp__RunAtStart"] = "false",
        };

        var receipts = new DispatchReceipt[Deliveries];
        var next = 0;
        var resumeAt = -1;
        async Task DeliverUntilAsync(int end)
        {
            for (; next < end; next++)
            {
                if (drops.Contains(next))
                {
                    // The socket drops; Discord goes on dispatching; the client RESUMEs and gets it all replayed.
                    emulator.HoldResumes();
                    await emulator.DropConnectionAsync();
                    resumeAt = next + SentWhileAway;
                }
                else if (next == resumeAt)
                {
                    emulator.ReleaseResumes();
                    await emulator.WaitForResumeAsync(emulator.ResumeCount + 1);
                }

                receipts[next] = await emulator.DispatchTrackedAsync(deliveries[next].EventName, deliveries[next].Json);
            }
        }

        try
        {
            // Process A: drops with RESUME, then an expired session.
            var first = await AppProcess.StartAsync(environment);
            await using (first)
            {
                await ConnectAsync(emulator, identifies: 1);
                await DeliverUntilAsync(invalidAt);

                emulator.HoldResumes();
                await emulator.DropConnectionAsync();
                await DeliverUntilAsync(invalidAt + LostWhileAway);
                emulator.ExpireSession();
                emulator.ReleaseResumes();
                await ConnectAsync(emulator, identifies: 2);
                await DeliverUntilAsync(killAt - HeldAtKill);

                // Killed while dispatches flow and the writer is behind: another connection holds the store's
                // write lock while the last dispatches arrive, so they are received and queued but not committed
                // (a fast writer on an idle machine would otherwise have caught up by the kill).
                await using (var holder = new SqliteConnection($"Data Source={database};Pooling=False"))
                {
                    await holder.OpenAsync();
                    await using (var begin = holder.CreateCommand())
                    {
                        begin.CommandText = "BEGIN IMMEDIATE";
                        await begin.ExecuteNonQueryAsync();
                    }

                    await DeliverUntilAsync(killAt);
                    await first.KillAsync();
                }
            }

            await DeliverUntilAsync(killAt + LostWhileDead);
            var refused = Assert.Single(emulator.RefusedResumes);
            bool NeverDelivered(int i) => receipts[i].SessionId == refused.SessionId && receipts[i].Seq > refused.Seq;
            var receivedByFirst = Enumerable.Range(0, killAt).Where(i => !NeverDelivered(i)).Select(i => deliveries[i]).ToList();

            var afterKill = await StoreSnapshot.ReadAsync(database, ReplayStream.GuildId);
            SqliteConnection.ClearAllPools();
            // The prefix the killed process committed: one that leaves exactly the store's event rows and whose
            // ground truth is the store's rollups (prefixes that differ only by reaction adds, which leave no
            // row, are told apart by the reactions they count).
            var candidates = CommittedPrefixes(receivedByFirst, afterKill.EventRows);
            Assert.True(candidates.Count > 0, $"no prefix of what the killed process received explains the {afterKill.EventRows} event rows it left");
            var committed = candidates.LastOrDefault(c => RollupsOf(new GroundTruth(receivedByFirst.Take(c).Select(d => d.Truth))) == RollupsOf(afterKill), -1);
            Assert.True(committed >= 0, $"none of the prefixes {string.Join(", ", candidates)} explains the rollups the killed process left: {RollupsOf(afterKill)}");
            var kept = receivedByFirst.Take(committed).ToList();
            Assert.Equal(kept.Where(d => d.EventName == "MESSAGE_CREATE").Select(d => d.Truth.MessageId!.Value).ToHashSet(), afterKill.CreatedMessages);
            Assert.InRange(committed, 1, receivedByFirst.Count - 1);
            _output.WriteLine($"killed process: {receivedByFirst.Count} dispatches sent to it, {committed} committed, {receivedByFirst.Count - committed} in flight lost; " +
                $"{Enumerable.Range(0, killAt).Count(NeverDelivered)} lost to the expired session; {emulator.ReplayedTotal} replayed on RESUME ({clock.Elapsed.TotalSeconds:F0} s)");

            // Process B on the same file: a fresh IDENTIFY, more drops with RESUME, the rest of the stream.
            var second = await AppProcess.StartAsync(environment);
            await using (second)
            {
                await ConnectAsync(emulator, identifies: 3);
                await DeliverUntilAsync(Deliveries);

                var truth = new GroundTruth(kept.Concat(deliveries.Skip(killAt + LostWhileDead)).Select(d => d.Truth));
                var window = AnalyticsWindow.Last(30, DayBucket.FromUnixMs(now));
                using var client = new HttpClient { BaseAddress = second.BaseAddress };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
                var expected = truth.TotalsFor(window);
                var summary = await Eventually.ReturnsAsync(
                    async () => (await client.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{ReplayStream.GuildId}/summary?window=30d&top=100", JsonSerializerOptions.Web))!,
                    s => s.Totals == expected,
                    TimeSpan.FromMinutes(3));

                Assert.Equal(drops.Count, emulator.ResumeCount);
                Assert.True(emulator.ReplayedTotal >= drops.Count * SentWhileAway, "every drop should have made Discord replay what the client missed");
                Assert.Equal(expected, summary.Totals);
                Assert.Equal(truth.TotalsFor(window.Previous), summary.PreviousTotals);
                Assert.Equal(truth.DailyFor(window), summary.Daily);
                Assert.Equal(truth.TopChannels(window, 100), summary.TopChannels.Select(c => (c.ChannelId, c.MessageCount, c.ReactionCount, c.ThreadCount)).ToList());
                Assert.Equal(truth.TopMembers(window, 100), summary.TopMembers.Select(m => (m.DiscordUserId, m.MessagesSent, m.ReactionsAdded, m.ThreadsStarted)).ToList());
                Assert.Equal(truth.TopContent(window, 100), summary.TopContent.Select(c => (c.MessageId, c.ReactionScore, c.Excerpt)).ToList());
                Assert.Equal(RollupsOf(truth), RollupsOf(await StoreSnapshot.ReadAsync(database, ReplayStream.GuildId)));
                _output.WriteLine($"{Deliveries} dispatches, {deliveries.Count(d => d.IsDuplicate)} redeliveries, {emulator.ResumeCount} resumes, " +
                    $"{emulator.IdentifyCount} identifies; {summary.Totals.Messages} messages and {summary.Totals.Reactions} reactions counted; {clock.Elapsed.TotalSeconds:F0} s in all");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary><paramref name="count"/> random points in [<paramref name="from"/>, <paramref name="to"/>), one per equal part.</summary>
    private static IEnumerable<int> Spread(Random random, int from, int to, int count)
    {
        var part = (to - from) / count;
        return Enumerable.Range(0, count).Select(i => from + (i * part) + random.Next(part - SpreadMargin)).ToList();
    }

    /// <summary>
    /// How many of <paramref name="received"/> (in delivery order) a store with <paramref name="eventRows"/>
    /// event rows may have committed: every prefix that adds exactly that many rows. A row is a raw event,
    /// or the message fact of a create; a reaction add leaves none (its reaction fact is state). Deliveries
    /// that add no row are redeliveries or reaction adds, so several prefixes can match.
    /// </summary>
    private static List<int> CommittedPrefixes(IReadOnlyList<ReplayDelivery> received, long eventRows)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        long rows = 0;
        var prefixes = new List<int>();
        for (var i = 0; i <= received.Count; i++)
        {
            if (rows == eventRows)
            {
                prefixes.Add(i);
            }

            if (i < received.Count && received[i].Truth.Type != IngestEventType.ReactionAdd && (received[i].RowKey is not { } key || keys.Add(key)))
            {
                rows++;
            }
        }

        return prefixes;
    }

    /// <summary>Every day the stream can touch: 20 days of history and today.</summary>
    private static (long Messages, long Reactions, long Threads, long Deleted, long Joins, long Leaves) RollupsOf(GroundTruth truth)
    {
        var all = truth.TotalsFor(AnalyticsWindow.Last(60, DayBucket.FromUnixMs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));
        return (all.Messages, all.Reactions, all.ThreadsCreated, all.DeletedMessages, all.Joins, all.Leaves);
    }

    private static (long Messages, long Reactions, long Threads, long Deleted, long Joins, long Leaves) RollupsOf(StoreSnapshot store) =>
        (store.Messages, store.Reactions, store.Threads, store.Deleted, store.Joins, store.Leaves);

    /// <summary>Waits for the session's READY (IDENTIFY number <paramref name="identifies"/>), then sends GUILD_CREATE as Discord does.</summary>
    private static async Task ConnectAsync(Emulator emulator, int identifies)
    {
        await emulator.WaitForIdentifyAsync(identifies);
        await emulator.DispatchAsync("GUILD_CREATE", ReplayStream.GuildCreateJson);
    }
}
