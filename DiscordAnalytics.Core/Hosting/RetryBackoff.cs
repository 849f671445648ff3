using System.Globalization;

namespace DiscordAnalytics.Core.Hosting;

/// <summary>The wait before retrying failed background work: 1 s, doubling per failure in a row, at most 60 s.</summary>
public static class RetryBackoff
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row (1-based).</summary>
    public static TimeSpan Delay(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 16);
        var delay = FirstDelay * Math.Pow(2, exponent);
        return delay > MaxDelay ? MaxDelay : delay;
    }

    /// <summary>"retrying in 30 s": how long until the next attempt, in words for the status chip.</summary>
    public static string RetryingIn(TimeSpan delay) =>
        delay < TimeSpan.FromSeconds(1)
            ? "retrying in under a second"
            : string.Create(CultureInfo.InvariantCulture, $"retrying in {Math.Round(delay.TotalSeconds):0} s");
}
