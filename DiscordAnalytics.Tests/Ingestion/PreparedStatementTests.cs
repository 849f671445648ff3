using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>The writer's statement wrapper over a real SQLite file: every value kind binds as what it is.</summary>
public sealed class PreparedStatementTests : IAsyncLifetime
{
    private readonly TempSqliteStore _store = TempSqliteStore.CreateUnmigrated();
    private SqliteConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _connection = new SqliteConnection(_store.ConnectionString);
        await _connection.OpenAsync();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (k INTEGER PRIMARY KEY, i INTEGER, b INTEGER, n INTEGER, s TEXT, x BLOB)";
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public void Execute_EachKindOfValue_IsStoredAsItself()
    {
        using var insert = new PreparedStatement(_connection, "INSERT INTO t VALUES (@p0, @p1, @p2, @p3, @p4, @p5) ON CONFLICT DO NOTHING");
        long? none = null;

        Assert.Equal(1, insert.Execute(1, long.MaxValue, true, none, "déjà vu 🎉", new byte[] { 0, 1, 255 }));
        Assert.Equal(1, insert.Execute(2, -5, false, (long?)7, (string?)null, (byte[]?)null));
        Assert.Equal(0, insert.Execute(1, 0, false, none, "skipped", (byte[]?)null));

        using var select = new PreparedStatement(_connection, "SELECT i, b, n, s, x, typeof(n), typeof(s), typeof(x) FROM t WHERE k = @p0");
        using (var row = select.Query(1))
        {
            Assert.True(row.Read());
            Assert.Equal(long.MaxValue, row.GetInt64(0));
            Assert.True(row.GetBoolean(1));
            Assert.True(row.IsDBNull(2));
            Assert.Equal("déjà vu 🎉", row.GetString(3));
            Assert.Equal(new byte[] { 0, 1, 255 }, row.GetBlob(4).ToArray());
            Assert.False(row.Read());
        }

        using (var row = select.Query(2))
        {
            Assert.True(row.Read());
            Assert.Equal(-5, row.GetInt64(0));
            Assert.False(row.GetBoolean(1));
            Assert.Equal(7, row.GetInt64(2));
            Assert.Equal(["integer", "null", "null"], [row.GetString(5), row.GetString(6), row.GetString(7)]);
        }
    }

    [Fact]
    public void Execute_WrongNumberOfValues_SaysHowManyItTakes()
    {
        using var insert = new PreparedStatement(_connection, "INSERT INTO t (k, i) VALUES (@p0, @p1)");

        var error = Assert.Throws<ArgumentException>(() => insert.Execute(1));

        Assert.Contains("takes 2 values, got 1", error.Message);
    }

    [Fact]
    public void New_ParametersNotNumberedFromZero_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PreparedStatement(_connection, "INSERT INTO t (k, i) VALUES (@p0, @p2)"));

        Assert.Contains("@p1 is missing", error.Message);
    }

    [Fact]
    public void FirstOrNull_ReturningStatementOfManyRows_AppliesEveryChangeItMakes()
    {
        using var insert = new PreparedStatement(_connection, "INSERT INTO t (k, i) VALUES (@p0, @p1)");
        insert.Execute(1, 10);
        insert.Execute(2, 20);
        using var bump = new StatementQuery<RowCount>(_connection, "UPDATE t SET i = i + 1 RETURNING i");
        using var sum = new StatementQuery<RowCount>(_connection, "SELECT sum(i) FROM t");
        using var missing = new StatementQuery<RowCount>(_connection, "SELECT i FROM t WHERE k = 3");

        var first = bump.FirstOrNull();

        Assert.NotNull(first);
        Assert.Equal(32, sum.Count());
        Assert.Null(missing.FirstOrNull());
    }
}
