using DiscordAnalytics.Core.Demo.Large;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Demo.Large;
using DiscordAnalytics.Web.Bench;
using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Tests.Web.Bench;

/// <summary>
/// <c>bench cards --keep FILE --resume</c>: a generation stopped part way (a year of the large community takes hours) is
/// continued instead of started again, and the store it ends with is the one an uninterrupted run keeps.
/// </summary>
public sealed class CardsBenchmarkResumeTests
{
    private const long Start = 1_735_689_600_000; // 2025-01-01, where the bench generates from

    /// <summary>What the stores are compared on: every message and reaction, and the daily rollups the cards read.</summary>
    private static readonly string[] Contents =
    [
        "SELECT messageId, channelId, authorId, createdAt, editedAt, deletedAt FROM messageFacts ORDER BY messageId",
        "SELECT count(*) FROM reactionFacts",
        "SELECT day, userId, messagesSent, reactionsAdded, threadsStarted, talkMs, voiceMs FROM memberDailyRollups ORDER BY day, userId",
        "SELECT day, joins, leaves FROM guildDailyRollups ORDER BY day, isBot",
        "SELECT count(*) FROM memberJoins",
        "SELECT count(*) FROM memberRoleSpans",
    ];

    [Fact]
    public async Task Cards_ResumedAfterAnInterruption_KeepsTheStoreAnUninterruptedRunKeeps()
    {
        var folder = Directory.CreateTempSubdirectory("da-bench-resume-test-");
        try
        {
            var whole = Path.Combine(folder.FullName, "whole.db");
            var resumed = Path.Combine(folder.FullName, "resumed.db");
            Assert.Equal(0, await CardsBenchmark.RunAsync(new CardsBenchmarkOptions(Days: 7, Runs: 1, LargeCommunityTests.Tiny, whole), TextWriter.Null, CancellationToken.None));
            // The interrupted run: the metadata and the first three and a half days went in, then the process stopped.
            var storage = new StorageOptions { ConnectionString = $"Data Source={resumed}" };
            await IngestionBenchmark.MigrateAsync(storage, CancellationToken.None);
            using (var pipeline = IngestionBenchmark.Pipeline(storage))
            {
                await pipeline.StartAsync(CancellationToken.None);
                foreach (var e in new LargeCommunity(18, LargeCommunityTests.Tiny).History(Start, 7).TakeWhile(e => e.EventAt < Start + (84 * 3_600_000)))
                {
                    await pipeline.WriteAsync(e, CancellationToken.None);
                }

                await pipeline.FlushAsync(CancellationToken.None);
                await pipeline.StopAsync(CancellationToken.None);
            }

            // Resumed as another community (the demo, the default scale): refused, the store untouched.
            var error = new StringWriter();
            var before = await RowsAsync(resumed, Contents[0]);
            Assert.Equal(2, await BenchCommand.RunAsync(["cards", "--keep", resumed, "--resume", "--days", "7", "--runs", "1"], TextWriter.Null, error, CancellationToken.None));
            Assert.StartsWith($"--resume: {resumed} holds another community's store", error.ToString());
            Assert.Equal(before, await RowsAsync(resumed, Contents[0]));
            var output = new StringWriter();

            var exit = await CardsBenchmark.RunAsync(new CardsBenchmarkOptions(Days: 7, Runs: 1, LargeCommunityTests.Tiny, resumed, Resume: true), output, CancellationToken.None);

            Assert.Equal(0, exit);
            Assert.Matches(@"^SQLite: 7 days of the large community \([^)]*\), resumed at 2025-01-04 1\d:\d\d:\d\d UTC: [\d,]+ events", output.ToString());
            foreach (var query in Contents)
            {
                Assert.Equal(await RowsAsync(whole, query), await RowsAsync(resumed, query));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("cards --resume", "--resume continues the interrupted generation of a store kept with --keep FILE: give --keep.")]
    [InlineData("cards --keep /tmp/da-never-written.db --resume", "--resume continues the interrupted generation of a store kept with --keep FILE: --keep /tmp/da-never-written.db: no such file.")]
    public async Task Cards_ResumeWithoutAKeptStore_IsRefusedNamingWhatIsMissing(string command, string expected)
    {
        var error = new StringWriter();

        var exit = await BenchCommand.RunAsync(command.Split(' '), TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith(expected, error.ToString());
    }

    private static async Task<List<string>> RowsAsync(string store, string query)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
        }

        return rows;
    }
}
