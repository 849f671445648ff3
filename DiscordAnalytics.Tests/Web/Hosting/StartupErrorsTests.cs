using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Hosting;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>
/// The real app as a child process with one bad setting: it stops with exit code 2 and one line on stderr naming the
/// key and what it expects, never the value given and never a stack trace.
/// </summary>
public sealed class StartupErrorsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-start-");

    [Theory]
    [InlineData("Discord__ApiBaseUrl", "notaurl", "Discord:ApiBaseUrl must be an absolute http(s) URL")]
    [InlineData("Ai__Provider", "Foo", "Ai:Provider must be one of Offline, AzureOpenAI, OpenAI")]
    [InlineData("Demo__LiveEventsPerSecond", "-1", "Demo:LiveEventsPerSecond must be a number from 0")]
    [InlineData("Auth__SessionCheckInterval", "abc", "Auth:SessionCheckInterval must be a time span such as 00:00:30")]
    [InlineData("Jobs__WorkerCount", "9", "Jobs:WorkerCount: The field WorkerCount must be between 1 and 4")]
    [InlineData("Invites__RetryAfter", "00:00:01", "Invites:RetryAfter must be a time span from 00:00:05 to 1.00:00:00")]
    [InlineData("Clock__StartAt", "yesterday", "Clock:StartAt must be an instant such as 2025-12-31T20:00:00Z")]
    public async Task Start_BadSetting_ExitsWith2AndOneLineNamingTheKey(string variable, string value, string expected)
    {
        var (exitCode, output, error) = await AppProcess.RunToExitAsync(
            new Dictionary<string, string>
            {
                ["Storage__ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "analytics.db")}",
                ["Auth__AdminPassword"] = AnalyticsAppFactory.AdminPassword,
                [variable] = value,
            },
            TimeSpan.FromMinutes(2));

        Assert.True(exitCode == StartupErrors.ExitCode, $"exit code {exitCode}\nstdout:\n{output}\nstderr:\n{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain($"'{value}'", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ShiftedClockWithABotToken_ExitsWith2AndOneLineSayingItIsForAKeptStore()
    {
        // Refused before anything starts: the gateway is never dialled.
        var (exitCode, output, error) = await AppProcess.RunToExitAsync(
            new Dictionary<string, string>
            {
                ["Storage__ConnectionString"] = $"Data Source={Path.Combine(_folder.FullName, "analytics.db")}",
                ["Auth__AdminPassword"] = AnalyticsAppFactory.AdminPassword,
                ["Discord__Token"] = "not-a-real-token",
                ["Discord__GatewayUrl"] = "ws://127.0.0.1:9",
                ["Discord__ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
                ["Clock__StartAt"] = "2025-12-31T20:00:00Z",
            },
            TimeSpan.FromMinutes(2));

        Assert.True(exitCode == StartupErrors.ExitCode, $"exit code {exitCode}\nstdout:\n{output}\nstderr:\n{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal($"Configuration error: {Core.Clock.ClockOptions.WithTokenError}", line);
    }

    [Fact]
    public async Task Start_DataDirWithPostgres_ExitsWith2AndOneLineSayingDataDirIsForSqlite()
    {
        // No server is contacted: the settings are refused before anything starts.
        var (exitCode, output, error) = await AppProcess.RunToExitAsync(
            new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Postgres",
                ["Storage__ConnectionString"] = "Host=127.0.0.1;Port=9;Username=postgres;Database=none",
                ["Auth__AdminPassword"] = AnalyticsAppFactory.AdminPassword,
            },
            TimeSpan.FromMinutes(2),
            [DataDirectoryArgument.Name, _folder.FullName]);

        Assert.True(exitCode == StartupErrors.ExitCode, $"exit code {exitCode}\nstdout:\n{output}\nstderr:\n{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal($"Configuration error: {Core.Storage.StorageOptions.DataDirectoryWithPostgresError}", line);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.FullName));
    }

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
