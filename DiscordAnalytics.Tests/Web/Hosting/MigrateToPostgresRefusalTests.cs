using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.Storage.PostgresCopy;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Hosting;
using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>
/// <c>migrate-to-postgres</c> given what it must not copy: one line naming the problem, exit code 1 (2 for a bad
/// argument), and the target as it was (no table created, no row added).
/// </summary>
public sealed class MigrateToPostgresRefusalTests
{
    [Fact]
    public async Task Migrate_MissingFile_RefusesNamingItAndCreatesNothing()
    {
        await using var world = await StoreCopyWorld.CreateAsync(activity: 50);
        var missing = Path.Combine(Path.GetDirectoryName(world.Source.Path)!, "nowhere.db");

        var (code, _, error) = await world.MigrateAsync(from: missing);

        Assert.Equal(MigrateToPostgresCommand.RefusedExitCode, code);
        Assert.Equal($"No SQLite store at {missing}: the file does not exist.", error.Trim());
        Assert.Empty(await world.TargetTablesAsync());
    }

    [Fact]
    public async Task Migrate_FileThatIsNotADatabase_RefusesAndLeavesBothAlone()
    {
        await using var world = await StoreCopyWorld.CreateAsync(activity: 50);
        var garbage = Path.Combine(Path.GetDirectoryName(world.Source.Path)!, "notes.db");
        await File.WriteAllTextAsync(garbage, new string('x', 8192));

        var (code, _, error) = await world.MigrateAsync(from: garbage);

        Assert.Equal(MigrateToPostgresCommand.RefusedExitCode, code);
        Assert.StartsWith($"{garbage} is not a SQLite database", error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal(new string('x', 8192), await File.ReadAllTextAsync(garbage));
        Assert.Empty(await world.TargetTablesAsync());
    }

    [Fact]
    public async Task Migrate_SqliteDatabaseThatIsNotAStore_RefusesNamingAMissingTable()
    {
        await using var world = await StoreCopyWorld.CreateAsync(activity: 50);
        var other = Path.Combine(Path.GetDirectoryName(world.Source.Path)!, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)";
            await command.ExecuteNonQueryAsync();
        }

        var (code, _, error) = await world.MigrateAsync(from: other);

        Assert.Equal(MigrateToPostgresCommand.RefusedExitCode, code);
        Assert.StartsWith($"{other} is not a DiscordAnalytics store: it has no table ", error.Trim(), StringComparison.Ordinal);
        Assert.Empty(await world.TargetTablesAsync());
    }

    [Fact]
    public async Task Migrate_TargetHoldingAnotherStoresData_RefusesNamingTheTableAndChangesNothing()
    {
        await using var world = await StoreCopyWorld.CreateAsync(activity: 50);
        await using var foreign = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Postgres, GuildMode.Live);
        await foreign.WriteAsync(TestEvents.Guild(9_999, "Someone else's guild", StoreCopyWorld.Now.ToUnixTimeMilliseconds()));
        var error = new StringWriter();

        var code = await MigrateToPostgresCommand.RunAsync(
            ["--from", world.Source.Path, $"--Storage:ConnectionString={foreign.ConnectionString}"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(MigrateToPostgresCommand.RefusedExitCode, code);
        Assert.Contains("already holds data this command did not copy (table ", error.ToString(), StringComparison.Ordinal);
        await using var db = foreign.NewContext();
        Assert.Equal([9_999L], db.Guilds.Select(g => g.GuildId).ToList());
        await using var connection = await foreign.OpenConnectionAsync();
        await using var progress = connection.CreateCommand();
        progress.CommandText = $"SELECT to_regclass('{SqliteToPostgresCopier.ProgressTable}') IS NULL";
        Assert.True((bool)(await progress.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Migrate_TargetHoldingACopyOfAnotherStore_Refuses()
    {
        await using var world = await StoreCopyWorld.CreateAsync(activity: 50);
        await using var other = await StoreCopyWorld.CreateAsync(activity: 80);
        Assert.Equal(0, (await world.MigrateAsync()).ExitCode);

        var (code, _, error) = await world.MigrateAsync(from: other.Source.Path);

        Assert.Equal(MigrateToPostgresCommand.RefusedExitCode, code);
        Assert.Contains("holds a copy of another SQLite store", error, StringComparison.Ordinal);
        Assert.Equal(await StoreCopyWorld.RowsAsync(world.Source.Storage), await StoreCopyWorld.RowsAsync(world.TargetStorage));
    }

    [Fact]
    public async Task Migrate_ConnectionStringThatIsNotPostgres_IsABadArgument()
    {
        await using var world = await StoreCopyWorld.CreateAsync(activity: 50);
        var error = new StringWriter();

        var code = await MigrateToPostgresCommand.RunAsync(
            ["--from", world.Source.Path, "--Storage:ConnectionString=Data Source=elsewhere.db"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(MigrateToPostgresCommand.BadArgumentExitCode, code);
        Assert.Contains("must be a PostgreSQL connection string", error.ToString(), StringComparison.Ordinal);
    }
}
