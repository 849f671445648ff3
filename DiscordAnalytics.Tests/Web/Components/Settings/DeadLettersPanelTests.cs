using Bunit;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Settings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components.Settings;

/// <summary>
/// The Settings page's dead-letter panel over a real store and the real pipeline: a trigger on the store file makes
/// one message fail as a bug would; the panel lists it, a retry before the fix says it failed again, "Retry all"
/// after the fix applies it once and the list is empty.
/// </summary>
public sealed class DeadLettersPanelTests : DashboardTestContext
{
    [Fact]
    public async Task RetryThenRetryAll_BeforeAndAfterTheFix_FailsAgainThenAppliesItOnce()
    {
        var pipeline = Services.GetRequiredService<IngestionPipeline>();
        await pipeline.StartAsync(CancellationToken.None);
        var poisoned = Snowflake.FromUnixMs(At(1)) + 7;
        await ExecuteAsync($"CREATE TRIGGER poison BEFORE INSERT ON messageFacts WHEN NEW.messageId = {(long)poisoned} BEGIN SELECT RAISE(ABORT, 'poisoned for the test'); END");
        foreach (var id in new[] { poisoned, poisoned + 1 })
        {
            await pipeline.WriteAsync(new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = World.Guild, EventAt = Snowflake.ToUnixMs(id), ChannelId = World.General, MessageId = id, UserId = World.Alice }, CancellationToken.None);
        }

        await pipeline.FlushAsync(CancellationToken.None);
        Assert.Equal(1, await MessagesAsync());

        var cut = Render<DeadLettersPanel>();
        var row = cut.WaitForElement("[data-testid^=dead-letter-retry-]");
        Assert.Contains("message_create", cut.Find("[data-testid=dead-letters]").TextContent, StringComparison.Ordinal);
        Assert.Contains("SqliteException: ", cut.Find("[data-testid=dead-letters]").TextContent, StringComparison.Ordinal);

        row.Click();
        cut.WaitForAssertion(() => Assert.Contains("failed again", cut.Find("[data-testid=dead-letters-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal("2", cut.Find("[data-testid^=dead-letter-attempts-]").TextContent.Trim());

        await ExecuteAsync("DROP TRIGGER poison");
        cut.Find("[data-testid=dead-letters-retry-all]").Click();

        cut.WaitForAssertion(() => Assert.Contains("1 event applied and counted once", cut.Find("[data-testid=dead-letters-message]").TextContent, StringComparison.Ordinal));
        cut.WaitForElement("[data-testid=dead-letters-none]");
        Assert.Equal(2, await MessagesAsync());
        await pipeline.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Render_NoDeadLetters_SaysNone()
    {
        var cut = Render<DeadLettersPanel>();

        cut.WaitForElement("[data-testid=dead-letters-none]");
        Assert.Empty(cut.FindAll("[data-testid=dead-letters-retry-all]"));
    }

    private async Task<long> MessagesAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        return await db.ChannelDailyRollups.Where(r => r.GuildId == (long)World.Guild).SumAsync(r => r.MessageCount);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(Store.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
