using System.Net;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary>
/// The sign-in lockout is kept in the store: a restarted app (same SQLite file, same clock) remembers the
/// failures and the lockout, so crashing or restarting the process gives no fresh attempts.
/// </summary>
public sealed class LockoutAcrossRestartsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-lockout-");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Login_LockedOutThenRestarted_StaysLockedOutUntilTheMinuteIsOver()
    {
        await using (var first = NewApp())
        {
            using var client = NewClient(first);
            for (var i = 0; i < LoginThrottle.MaxFailures; i++)
            {
                using var _ = await LoginForm.PostAsync(client, "wrong-" + i);
            }
        }

        await using var second = NewApp();
        using var again = NewClient(second);

        using var locked = await LoginForm.PostAsync(again, AnalyticsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("Too many wrong passwords", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _time.Advance(LoginThrottle.BaseLockout + TimeSpan.FromSeconds(1));
        using var open = await LoginForm.PostAsync(again, AnalyticsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
    }

    [Fact]
    public async Task Login_FailuresBeforeARestart_StillCountTowardsTheLockout()
    {
        await using (var first = NewApp())
        {
            using var client = NewClient(first);
            for (var i = 1; i < LoginThrottle.MaxFailures; i++)
            {
                using var wrong = await LoginForm.PostAsync(client, "wrong-" + i);
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            }
        }

        await using var second = NewApp();
        using var again = NewClient(second);

        using var last = await LoginForm.PostAsync(again, "wrong-last");
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
    }

    [Fact]
    public async Task Login_SecondLockoutAfterARestart_LastsTwiceAsLong()
    {
        await using (var first = NewApp())
        {
            using var client = NewClient(first);
            await FailAsync(client, LoginThrottle.MaxFailures);
            _time.Advance(LoginThrottle.BaseLockout + TimeSpan.FromSeconds(1));
        }

        await using var second = NewApp();
        using var again = NewClient(second);
        await FailAsync(again, LoginThrottle.MaxFailures);

        _time.Advance(LoginThrottle.BaseLockout + TimeSpan.FromSeconds(1));
        using var stillLocked = await LoginForm.PostAsync(again, AnalyticsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);
        _time.Advance(LoginThrottle.BaseLockout);
        using var open = await LoginForm.PostAsync(again, AnalyticsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
    }

    [Fact]
    public async Task Start_NewConfiguredPassword_LiftsTheLockout()
    {
        await using (var first = NewApp())
        {
            using var client = NewClient(first);
            await FailAsync(client, LoginThrottle.MaxFailures);
        }

        await using var reset = NewApp("the-owner-reset-password");
        using var again = NewClient(reset);

        using var open = await LoginForm.PostAsync(again, "the-owner-reset-password");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
    }

    private AnalyticsAppFactory NewApp(string password = AnalyticsAppFactory.AdminPassword) => new(
        new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "analytics.db")}",
            ["Auth:AdminPassword"] = password,
        },
        time: _time);

    private static HttpClient NewClient(AnalyticsAppFactory app) => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task FailAsync(HttpClient client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var _ = await LoginForm.PostAsync(client, "wrong");
        }
    }
}
