using System.Collections.Concurrent;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.PublicLeaderboard;

/// <summary>
/// Each guild's public leaderboard (the last 30 days by activity, hidden members left out), computed at most once per
/// <see cref="PublicLeaderboardOptions.CacheSeconds"/>, so visitors cannot make the app rank a guild on every request.
/// Only the numbers are kept here: whether a link still opens the page is checked on every request, before this.
/// </summary>
public sealed class PublicLeaderboardCache(
    LeaderboardQuery leaderboard,
    GuildsQuery guilds,
    TimeProvider time,
    IOptions<PublicLeaderboardOptions> options,
    IOptions<DiscordOptions> discord)
{
    /// <summary>The window the public page shows, in days ending today.</summary>
    public const int WindowDays = 30;

    private readonly ConcurrentDictionary<long, (long MadeAt, PublicLeaderboardView View)> _views = new();

    public async Task<PublicLeaderboardView> GetAsync(long guildId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_views.TryGetValue(guildId, out var kept) && now - kept.MadeAt < options.Value.CacheSeconds * 1000L)
        {
            return kept.View;
        }

        var window = AnalyticsWindow.Last(WindowDays, DayBucket.FromUnixMs(now));
        var query = new AnalyticsQuery((ulong)guildId, window, options.Value.Top, discord.Value.IncludeBots);
        var board = await leaderboard.RunAsync(query, LeaderboardRanking.Activity, cancellationToken, leaveOutHidden: true);
        var name = (await guilds.FindAsync((ulong)guildId, cancellationToken))?.Name ?? "Leaderboard";
        var view = new PublicLeaderboardView(name, window.FirstDate, window.LastDate, board.Entries);
        _views[guildId] = (now, view);
        return view;
    }
}
