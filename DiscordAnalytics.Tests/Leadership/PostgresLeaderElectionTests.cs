using DiscordAnalytics.Core.Leadership;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DiscordAnalytics.Tests.Leadership;

/// <summary>The leader lock on a real PostgreSQL database: one leader at a time, a standby takes over, a lost connection ends the term.</summary>
public sealed class PostgresLeaderElectionTests : IAsyncLifetime
{
    private string _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateEmptyDatabaseAsync();

    public async Task DisposeAsync() => await TestPostgres.DropDatabaseAsync(_database);

    [Fact]
    public async Task Start_TwoInstancesOnOneDatabase_OnlyTheFirstLeads()
    {
        var (first, firstElection) = Instance(_database);
        var (second, secondElection) = Instance(_database);
        await using (firstElection)
        await using (secondElection)
        {
            await firstElection.StartAsync(default);
            await secondElection.StartAsync(default);

            Assert.Equal(InstanceRole.Leader, first.Role);
            Assert.Equal(InstanceRole.Standby, second.Role);
            Assert.Contains("another instance holds the leader lock", second.Reason, StringComparison.Ordinal);
            await StopAsync(secondElection, firstElection);
        }
    }

    [Fact]
    public async Task Stop_LeaderStops_StandbyTakesOverAndItsTermBegins()
    {
        var (first, firstElection) = Instance(_database);
        var (second, secondElection) = Instance(_database);
        await using (firstElection)
        await using (secondElection)
        {
            await firstElection.StartAsync(default);
            var firstTerm = await first.WaitForTermAsync(default);
            await secondElection.StartAsync(default);
            var secondTerm = second.WaitForTermAsync(default);
            Assert.False(secondTerm.IsCompleted);

            await firstElection.StopAsync(default);

            Assert.True(firstTerm.IsCancellationRequested);
            Assert.Equal(InstanceRole.Standby, first.Role);
            var term = await secondTerm.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(term.IsCancellationRequested);
            Assert.Equal(InstanceRole.Leader, second.Role);
            await secondElection.StopAsync(default);
        }
    }

    [Fact]
    public async Task Check_ConnectionHoldingTheLockIsKilled_TermEndsAndTheLockIsTakenAgain()
    {
        var (leadership, election) = Instance(_database);
        await using (election)
        {
            await election.StartAsync(default);
            var term = await leadership.WaitForTermAsync(default);

            // The server ends the lock's connection (as a restart, a failover or a network cut would).
            await using (var admin = new NpgsqlConnection(_database))
            {
                await admin.OpenAsync();
                await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", admin);
                kill.Parameters.AddWithValue("name", PostgresLeaderElection.ApplicationName);
                await kill.ExecuteNonQueryAsync();
            }

            await Eventually.TrueAsync(() => term.IsCancellationRequested, "the term ends once the leader's check finds its connection gone", TimeSpan.FromSeconds(60));
            // Nobody else holds the lock: the same instance leads again on a new connection, in a new term.
            var next = await leadership.WaitForTermAsync(default).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(next.IsCancellationRequested);
            Assert.NotEqual(term, next);
            await election.StopAsync(default);
        }
    }

    [Fact]
    public async Task Start_ServerNotAnswering_StandbyThatSaysSoAndStartsAnyway()
    {
        var (leadership, election) = Instance("Host=127.0.0.1;Port=9;Username=postgres;Database=none");
        await using (election)
        {
            await election.StartAsync(default);

            Assert.Equal(InstanceRole.Standby, leadership.Role);
            Assert.Contains("cannot reach the store's server", leadership.Reason, StringComparison.Ordinal);
            await election.StopAsync(default);
        }
    }

    [Fact]
    public void Sole_SqliteStore_LeadsFromTheStartForGood()
    {
        var leadership = InstanceLeadership.Sole();

        Assert.Equal(InstanceRole.Leader, leadership.Role);
        Assert.False(leadership.IsContested);
        Assert.True(leadership.WaitForTermAsync(default).IsCompletedSuccessfully);
    }

    private static (InstanceLeadership Leadership, PostgresLeaderElection Election) Instance(string connectionString)
    {
        var leadership = InstanceLeadership.Contested();
        var election = new PostgresLeaderElection(
            leadership,
            Options.Create(new StorageOptions { Provider = nameof(StoreProvider.Postgres), ConnectionString = connectionString }),
            Options.Create(new LeadershipOptions { CheckInterval = TimeSpan.FromMilliseconds(200) }),
            TimeProvider.System,
            NullLogger<PostgresLeaderElection>.Instance);
        return (leadership, election);
    }

    private static async Task StopAsync(params PostgresLeaderElection[] elections)
    {
        foreach (var election in elections)
        {
            await election.StopAsync(default);
        }
    }
}
