using System.Diagnostics;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// Reads every guild's member days of the longest window and its previous one into memory once the store is ready,
/// in the background, so the first dashboard after a start does not wait for it (a year of 20k members a day is
/// millions of rows). Reads are the same as a card's (<see cref="MemberDayIndex"/>), so nothing here can make a number
/// wrong; a failure only leaves the days to be read when first asked for.
/// </summary>
public sealed class MemberDaysWarmUp(
    MemberDayIndex index,
    IDbContextFactory<AnalyticsDbContext> contexts,
    TimeProvider time,
    ILogger<MemberDaysWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            List<long> guilds;
            await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
            {
                guilds = await db.Guilds.AsNoTracking().Select(g => g.GuildId).ToListAsync(stoppingToken);
            }

            var today = DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds());
            var first = today + 1 - (2 * AnalyticsQuery.MaxWindowDays);
            foreach (var guild in guilds)
            {
                await index.ReadAsync(guild, first, today + 1, _ => 0, stoppingToken);
            }

            logger.LogInformation("Member days of {Guilds} guilds held in memory after {Milliseconds} ms", guilds.Count, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was read stays; the rest is read when asked for.
        }
        catch (Exception ex)
        {
            // Not a failure of the app: cards read the days they need themselves.
            logger.LogDebug(ex, "Member days were not read ahead; cards read them when first asked for");
        }
    }
}
