using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Ingestion.DeadLetters;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// An event the writer cannot apply (here: a trigger on the real store file refuses its message fact, as a bug or
/// an unforeseen shape would make it throw) goes to the dead-letter table alone; every other event of its batch
/// commits. After the fix (the trigger dropped) a retry applies it exactly once and removes its row; a second retry
/// finds nothing to do. Before, the batch was retried three times and then its events written one by one, the
/// failing one logged and dropped.
/// </summary>
public abstract class DeadLetterTests(StoreProvider provider)
{
    private const ulong Guild = 5_000;
    private const int Messages = 40;
    private const ulong RefusedChannel = 99;
    private static readonly long T0 = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly ulong Poisoned = MessageId(17);

    [Fact]
    public async Task Write_EventTheWriterCannotApply_IsDeadLetteredAloneAndARetryAfterTheFixAppliesItOnce()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var pipeline = NewPipeline(store, loggers.CreateLogger<IngestionPipeline>());
        var deadLetters = new DeadLetterService(store, pipeline, pipeline, NullLogger<DeadLetterService>.Instance);
        await PoisonTrigger.CreateAsync(store, Poisoned);

        // Not started yet: everything queued is one batch.
        for (var i = 0; i < Messages; i++)
        {
            await pipeline.WriteAsync(Message(i), CancellationToken.None);
        }

        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Messages - 1, await CountedMessagesAsync(store));
        var letter = Assert.Single(await deadLetters.ListAsync(CancellationToken.None));
        Assert.Equal(Guild, letter.GuildId);
        Assert.Equal("message_create", letter.EventType);
        Assert.Equal($"{Poisoned}", letter.EventId);
        Assert.Equal(provider == StoreProvider.Postgres ? typeof(PostgresException).FullName : typeof(SqliteException).FullName, letter.ExceptionType);
        Assert.Contains("poisoned for the test", letter.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(1, letter.Attempts);
        Assert.Equal(Messages, pipeline.Processed);
        Assert.Equal(StoreWriteState.Writing, pipeline.StoreStatus.State);
        Assert.Single(logs.Lines, l => l.Contains("as dead letter", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("excerpt of message", StringComparison.Ordinal));

        // Not fixed yet: the retry fails again and the same row counts one more attempt.
        Assert.Equal(DeadLetterRetryOutcome.FailedAgain, (await deadLetters.RetryAsync(letter.Id, CancellationToken.None)).Outcome);
        var again = Assert.Single(await deadLetters.ListAsync(CancellationToken.None));
        Assert.Equal((letter.Id, 2), (again.Id, again.Attempts));
        Assert.Equal(Messages - 1, await CountedMessagesAsync(store));

        // The fix; the retry applies it once and removes its row in the same transaction.
        await PoisonTrigger.DropAsync(store);
        Assert.Equal(DeadLetterRetryOutcome.Applied, (await deadLetters.RetryAsync(letter.Id, CancellationToken.None)).Outcome);
        Assert.Empty(await deadLetters.ListAsync(CancellationToken.None));
        Assert.Equal(Messages, await CountedMessagesAsync(store));

        Assert.Equal(DeadLetterRetryOutcome.NotFound, (await deadLetters.RetryAsync(letter.Id, CancellationToken.None)).Outcome);
        Assert.Equal(new DeadLetterRetryResult(0, 0, 0), await deadLetters.RetryAllAsync(CancellationToken.None));
        await pipeline.WriteAsync(Message(17), CancellationToken.None);
        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Messages, await CountedMessagesAsync(store));
        await pipeline.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Write_EventWhoseRollupRowCannotBeWritten_IsDeadLetteredAloneWithItsError_AndTheBatchsOtherRowsSum()
    {
        // The batch's rollup rows go as one statement per table (on PostgreSQL one multi-row upsert): a row refused there
        // fails that statement, and the batch is halved until the one event whose row it was stands alone.
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        using var pipeline = NewPipeline(store, NullLogger<IngestionPipeline>.Instance);
        var deadLetters = new DeadLetterService(store, pipeline, pipeline, NullLogger<DeadLetterService>.Instance);
        await store.ExecuteAsync(provider == StoreProvider.Postgres
            ? $"CREATE FUNCTION poison_rollup() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.channelId = {RefusedChannel} THEN RAISE EXCEPTION '{PoisonTrigger.Message}'; END IF; RETURN NEW; END $$; " +
              "CREATE TRIGGER poison_rollup BEFORE INSERT ON channelDailyRollups FOR EACH ROW EXECUTE FUNCTION poison_rollup()"
            : $"CREATE TRIGGER poison_rollup BEFORE INSERT ON channelDailyRollups WHEN NEW.channelId = {RefusedChannel} BEGIN SELECT RAISE(ABORT, '{PoisonTrigger.Message}'); END");
        for (var i = 0; i < Messages; i++)
        {
            await pipeline.WriteAsync(i == 17 ? Message(i) with { ChannelId = RefusedChannel } : Message(i), CancellationToken.None);
        }

        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var letter = Assert.Single(await deadLetters.ListAsync(CancellationToken.None));
        Assert.Equal($"{Poisoned}", letter.EventId);
        Assert.Equal(provider == StoreProvider.Postgres ? typeof(PostgresException).FullName : typeof(SqliteException).FullName, letter.ExceptionType);
        Assert.Contains(PoisonTrigger.Message, letter.ExceptionMessage, StringComparison.Ordinal);
        await using var db = store.NewContext();
        var rollup = await db.ChannelDailyRollups.SingleAsync();
        Assert.Equal((1L, (long)(Messages - 1)), (rollup.ChannelId, rollup.MessageCount));
        Assert.Equal(Messages - 1, await db.MemberDailyRollups.SumAsync(r => r.MessagesSent));
        await pipeline.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Write_ForgottenMember_TheirDeadLettersGoToo()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        using var pipeline = NewPipeline(store, NullLogger<IngestionPipeline>.Instance);
        var deadLetters = new DeadLetterService(store, pipeline, pipeline, NullLogger<DeadLetterService>.Instance);
        await PoisonTrigger.CreateAsync(store, Poisoned);
        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.WriteAsync(Message(17), CancellationToken.None);
        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Single(await deadLetters.ListAsync(CancellationToken.None));

        await pipeline.WriteAsync(new IngestEvent { Type = IngestEventType.MemberForget, GuildId = Guild, EventAt = T0 + 1, UserId = 2 }, CancellationToken.None);
        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(await deadLetters.ListAsync(CancellationToken.None));
        await pipeline.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stop_WhileTheStoreRefusesWrites_EndsTheWaitAndLeavesTheBatchUncommitted()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        // SQLite: the file is full. PostgreSQL: the database takes no writes (read-only, as the server also answers a
        // full disk with an error that refuses the transaction); both are the store's failure, waited out.
        var space = new StoreSpace();
        space.Fill();
        await RefuseWritesOnPostgresAsync(store);
        using var pipeline = NewPipeline(store, NullLogger<IngestionPipeline>.Instance, provider == StoreProvider.Sqlite ? space : null);
        // Queued before the writer starts, so its first batch holds all 300: a batch of a few messages can fit in the
        // pages an empty store already has, and a full disk refuses only what needs a new page.
        for (var i = 0; i < 300; i++)
        {
            await pipeline.WriteAsync(Message(i), CancellationToken.None);
        }

        await pipeline.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => pipeline.StoreStatus.State == StoreWriteState.StoreUnavailable, "the store is full");
        using var hostGaveUp = new CancellationTokenSource();
        await hostGaveUp.CancelAsync();
        await pipeline.StopAsync(hostGaveUp.Token);

        space.Free();
        Assert.Equal(0, await CountedMessagesAsync(store));
        Assert.Equal(300, pipeline.Pending);
        Assert.Equal(0, pipeline.Processed);
        await using var db = store.NewContext();
        Assert.Equal(0, await db.DeadLetters.CountAsync());
    }

    private static IngestionPipeline NewPipeline(TempSqliteStore store, ILogger<IngestionPipeline> logger, IStoreWriteHook? hook = null) => new(
        Options.Create(new IngestionOptions { QueueCapacity = 1_000, MaxBatchSize = 1_000 }),
        Options.Create(store.Storage),
        new IngestionMode(IsDemo: false),
        new IngestionNotifier(),
        TimeProvider.System,
        logger,
        hook);

    private async Task RefuseWritesOnPostgresAsync(TempSqliteStore store)
    {
        if (provider == StoreProvider.Postgres)
        {
            await store.ExecuteAsync($"ALTER DATABASE \"{new NpgsqlConnectionStringBuilder(store.ConnectionString).Database}\" SET default_transaction_read_only = on");
        }
    }

    private static ulong MessageId(int i) => Snowflake.FromUnixMs(T0) + (ulong)i;

    private static IngestEvent Message(int i)
    {
        var id = MessageId(i);
        return new IngestEvent
        {
            Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = Snowflake.ToUnixMs(id), ChannelId = 1, MessageId = id, UserId = 2,
            Excerpt = $"excerpt of message {i}, long enough that a full store needs new pages for a few hundred of them",
        };
    }

    private static async Task<long> CountedMessagesAsync(TempSqliteStore store)
    {
        await using var db = store.NewContext();
        return await db.ChannelDailyRollups.SumAsync(r => r.MessageCount);
    }

    public sealed class OnSqlite() : DeadLetterTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : DeadLetterTests(StoreProvider.Postgres);
}
