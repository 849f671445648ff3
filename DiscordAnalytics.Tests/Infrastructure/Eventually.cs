namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>Awaits a condition with a timeout instead of sleeping a fixed time.</summary>
public static class Eventually
{
    // Generous: it only matters when a condition never holds, and CI runs every test class in parallel on 2 cores.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {because}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Calls <paramref name="probe"/> until its answer satisfies <paramref name="until"/>; returns that answer, or the last one when time runs out.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var answer = await probe();
            if (until(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(50);
        }
    }
}
