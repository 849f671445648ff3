using System.Diagnostics.CodeAnalysis;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using DiscordAnalytics.Web.Auth;
using Npgsql;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests run against: <see cref="EnvironmentVariable"/> names it, or the one
/// <c>scripts/start-test-postgres</c> starts (127.0.0.1:55432) when it is unset. Each test store is a database of its
/// own, cloned from one migrated template per test run and dropped when the store is disposed. A server that cannot be
/// reached fails the test with what to do; a PostgreSQL test never skips.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "DISCORDANALYTICS_TEST_POSTGRES";

    /// <summary>What <c>scripts/start-test-postgres</c> exports.</summary>
    public const string ScriptConnectionString = "Host=127.0.0.1;Port=55432;Username=postgres";

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>The server's connection string, without a database.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : ScriptConnectionString;

    /// <summary>A new, empty database; returns its connection string.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync() => await CreateDatabaseAsync(template: null);

    /// <summary>A new database holding the migrated store (a copy of the run's template); returns its connection string.</summary>
    public static async Task<string> CreateMigratedDatabaseAsync() => await CreateDatabaseAsync(await Template.Value);

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing whatever connections are left on it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task<string> CreateDatabaseAsync(string? template)
    {
        var name = $"da_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var template = $"da_template_{Environment.ProcessId}_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{template}\"");
        // No pooling: a template can be copied only while nobody is connected to it.
        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = template, Pooling = false }.ConnectionString;
        await using (var db = new StoreContextFactory(StoreOnPostgres(connectionString)).CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var auth = AuthOnPostgres(connectionString))
        {
            await auth.Database.MigrateAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The server went first; its cluster is a temporary one.
            }
        };
        return template;
    }

    public static StorageOptions StoreOnPostgres(string connectionString) =>
        new() { Provider = nameof(StoreProvider.Postgres), ConnectionString = connectionString };

    private static AuthDbContext AuthOnPostgres(string connectionString)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<AuthDbContext>();
        AuthDbContext.Configure(options, StoreOnPostgres(connectionString));
        return new AuthDbContext(options.Options);
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            Unreachable(server.Host, server.Port, ex);
        }

        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [DoesNotReturn]
    private static void Unreachable(string? host, int port, Exception cause) =>
        throw new InvalidOperationException(
            $"No PostgreSQL server answers at {host}:{port} ({cause.Message}). PostgreSQL tests need one: run " +
            $"`eval \"$(scripts/start-test-postgres | tail -n 1)\"` (installs and starts a private server on loopback and sets " +
            $"{EnvironmentVariable}), or set {EnvironmentVariable} to a server's connection string.",
            cause);
}
