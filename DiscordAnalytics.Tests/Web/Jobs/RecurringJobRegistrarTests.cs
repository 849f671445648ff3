using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Jobs;

/// <summary>
/// The recurring jobs are written into the job store at start-up without holding the start hostage: a store that blocks
/// lets the start go on after <see cref="RecurringJobRegistrar.StartWait"/>, and a job that could not be written is
/// written on a later try, without a restart.
/// </summary>
public sealed class RecurringJobRegistrarTests
{
    [Fact]
    public async Task Start_JobStoreBlocks_StartGoesOnAfterTheWaitAndTheJobIsWrittenOnceTheStoreAnswers()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var storeAnswers = new ManualResetEventSlim();
        var blocking = new ScriptedDefinition("blocking", () => storeAnswers.Wait(TimeSpan.FromMinutes(1)));
        using var registrar = new RecurringJobRegistrar(new UnusedJobManager(), [blocking], clock, NullLogger<RecurringJobRegistrar>.Instance);

        var start = registrar.StartAsync(CancellationToken.None);
        await Eventually.ReturnsAsync(() => Task.FromResult(blocking.Calls), calls => calls == 1, TimeSpan.FromSeconds(10));
        Assert.False(start.IsCompleted, "the start should wait for the jobs a while");
        clock.Advance(RecurringJobRegistrar.StartWait);
        await start.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(registrar.Registered.IsCompleted, "the job is still being written");

        storeAnswers.Set();
        await registrar.Registered.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, blocking.Written);
        await registrar.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Start_JobStoreFailsTwice_TheJobIsWrittenOnTheThirdTryAndTheOthersOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var failures = 2;
        var flaky = new ScriptedDefinition("flaky", () =>
        {
            if (failures-- > 0)
            {
                throw new InvalidOperationException("the job store cannot be reached");
            }
        });
        var steady = new ScriptedDefinition("steady", () => { });
        using var registrar = new RecurringJobRegistrar(new UnusedJobManager(), [flaky, steady], clock, NullLogger<RecurringJobRegistrar>.Instance);

        var start = registrar.StartAsync(CancellationToken.None);
        await Eventually.ReturnsAsync(() => Task.FromResult(steady.Written), written => written == 1, TimeSpan.FromSeconds(10));
        Assert.Equal((1, 0), (flaky.Calls, flaky.Written));

        // The clock moves on a retry period per look until the store has taken every job (the start's own wait ends too).
        await Eventually.ReturnsAsync(
            () =>
            {
                clock.Advance(RecurringJobRegistrar.RetryEvery);
                return Task.FromResult(registrar.Registered.IsCompleted);
            },
            registered => registered,
            TimeSpan.FromSeconds(20));
        await start.WaitAsync(TimeSpan.FromSeconds(10));
        await registrar.Registered.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((3, 1, 1, 1), (flaky.Calls, flaky.Written, steady.Calls, steady.Written));
        await registrar.StopAsync(CancellationToken.None);
    }

    /// <summary>A job definition that runs <paramref name="write"/> in place of writing itself, and counts.</summary>
    private sealed class ScriptedDefinition(string id, Action write) : IRecurringJobDefinition
    {
        private int _calls;
        private int _written;

        public string Id => id;

        public int Calls => Volatile.Read(ref _calls);

        public int Written => Volatile.Read(ref _written);

        public void Register(IRecurringJobManager manager)
        {
            Interlocked.Increment(ref _calls);
            write();
            Interlocked.Increment(ref _written);
        }
    }

    /// <summary>The scripted definitions above never reach a job manager.</summary>
    private sealed class UnusedJobManager : IRecurringJobManager
    {
        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => throw new NotSupportedException();

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }
}
