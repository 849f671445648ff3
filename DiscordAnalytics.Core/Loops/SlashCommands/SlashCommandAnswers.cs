using System.Globalization;
using System.Text;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// The text each command answers with, from the same queries the dashboard and the API use: /stats reads the totals
/// and top channels of the summary's "last 7 days" (so its numbers equal <c>GET .../summary?window=7d</c>), /me and
/// /leaderboard read the leaderboard of that window. Settings previews call the same methods, so the preview is the
/// answer. Hidden and forgotten members are never named, and /me tells them only that they opted out.
/// </summary>
public sealed class SlashCommandAnswers(
    IDbContextFactory<AnalyticsDbContext> contexts,
    GuildsQuery guilds,
    TotalsQuery totals,
    TopChannelsQuery channels,
    LeaderboardQuery leaderboard,
    IOptions<DiscordOptions> discord,
    TimeProvider time)
{
    /// <summary>The whole answer to a member who opted out, hidden or forgotten: nothing about them, nothing else.</summary>
    public const string OptedOut = "You opted out of statistics.";

    /// <summary>How many places /leaderboard lists.</summary>
    public const int LeaderboardPlaces = 10;

    private const int WindowDays = 7;

    /// <summary>The answer to <paramref name="command"/> in the guild, for <paramref name="userId"/> (the caller; /me needs it).</summary>
    public Task<string> AnswerAsync(ulong guildId, SlashCommand command, ulong userId, CancellationToken cancellationToken) => command switch
    {
        SlashCommand.Stats => StatsAsync(guildId, cancellationToken),
        SlashCommand.Me => MeAsync(guildId, userId, cancellationToken),
        _ => LeaderboardAsync(guildId, cancellationToken),
    };

    /// <summary>/stats: the server's last 7 days (messages, active members, top channel) against the 7 days before.</summary>
    public async Task<string> StatsAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var query = Week(guildId, AnalyticsQuery.DefaultTop);
        var guildTask = guilds.FindAsync(guildId, cancellationToken);
        var currentTask = totals.RunAsync(query, cancellationToken);
        var previousTask = totals.RunPreviousAsync(query, cancellationToken);
        var channelsTask = channels.RunAsync(query, ChannelRanking.ByMessages, cancellationToken);
        await Task.WhenAll(guildTask, currentTask, previousTask, channelsTask);
        var (current, previous, top) = (await currentTask, (await previousTask).Totals, (await channelsTask).FirstOrDefault());

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{Name(await guildTask, guildId)}**, last 7 days ({query.Window.FirstDate:yyyy-MM-dd} to {query.Window.LastDate:yyyy-MM-dd}, UTC)\n");
        text.Append(CultureInfo.InvariantCulture, $"Messages: {Number(current.Messages)} ({Change(current.Messages, previous.Messages)})\n");
        text.Append(CultureInfo.InvariantCulture, $"Active members: {Number(current.ActiveMembers)} ({Change(current.ActiveMembers, previous.ActiveMembers)})\n");
        text.Append(top is null || top.MessageCount == 0
            ? "Top channel: none yet"
            : string.Create(CultureInfo.InvariantCulture, $"Top channel: #{top.Name} ({Number(top.MessageCount)} messages)"));
        return text.ToString();
    }

    /// <summary>/me: the caller's messages and reactions of the last 7 days, streaks and leaderboard place; opted-out members get <see cref="OptedOut"/>.</summary>
    public async Task<string> MeAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        if (!await IsListedAsync(guildId, userId, cancellationToken))
        {
            return OptedOut;
        }

        // Every place, so the caller's rank is known wherever they stand.
        var board = await leaderboard.RunAsync(Week(guildId, int.MaxValue), LeaderboardRanking.Activity, cancellationToken);
        var id = userId.ToString(CultureInfo.InvariantCulture);
        var mine = board.Entries.FirstOrDefault(e => e.UserId == id);
        if (mine is null)
        {
            return "Your last 7 days: no messages or reactions yet, so no streak and no place on the leaderboard.";
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"Your last 7 days: {Number(mine.Messages)} messages, {Number(mine.Reactions)} reactions\nStreak: {Days(mine.CurrentStreak)} (longest {Days(mine.LongestStreak)})\nLeaderboard: #{mine.Rank} of {Number(board.Entries.Count)}");
    }

    /// <summary>/leaderboard: the top 10 of the last 7 days by activity score, hidden and forgotten members left out.</summary>
    public async Task<string> LeaderboardAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var guildTask = guilds.FindAsync(guildId, cancellationToken);
        var board = await leaderboard.RunAsync(Week(guildId, LeaderboardPlaces), LeaderboardRanking.Activity, cancellationToken, leaveOutHidden: true);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{Name(await guildTask, guildId)}** leaderboard, last 7 days");
        if (board.Entries.Count == 0)
        {
            return text.Append("\nNobody yet.").ToString();
        }

        foreach (var entry in board.Entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{entry.Rank}. {entry.Name}: {entry.Score.ToString("0.##", CultureInfo.InvariantCulture)} points ({Number(entry.Messages)} messages, {Number(entry.Reactions)} reactions, streak {Days(entry.CurrentStreak)})");
        }

        return text.ToString();
    }

    /// <summary>The member is neither hidden nor forgotten.</summary>
    private async Task<bool> IsListedAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var privacy = await VisibleMembers.LoadAsync(db, (long)guildId, cancellationToken);
        return privacy.IsListed((long)userId);
    }

    /// <summary>The summary's <c>window=7d</c>, parsed as the API parses it.</summary>
    private AnalyticsQuery Week(ulong guildId, int top)
    {
        var today = DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds());
        return new AnalyticsQuery(guildId, AnalyticsWindow.Last(WindowDays, today), top, discord.Value.IncludeBots);
    }

    private static string Name(GuildInfo? guild, ulong guildId) => guild?.Name is { Length: > 0 } name ? name : guildId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Thousands separated, as Discord's readers expect.</summary>
    internal static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Days(int days) => days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");

    /// <summary>"previous 7 days: N, +X%" (no percentage when the previous week had none).</summary>
    internal static string Change(long current, long previous)
    {
        var before = string.Create(CultureInfo.InvariantCulture, $"previous 7 days: {Number(previous)}");
        if (previous == 0)
        {
            return before;
        }

        // Adding +0 turns a rounded -0 into 0, so a tiny fall never reads "-0%".
        var percent = Math.Round((current - previous) * 100.0 / previous, MidpointRounding.AwayFromZero) + 0.0;
        return string.Create(CultureInfo.InvariantCulture, $"{before}, {(percent > 0 ? "+" : string.Empty)}{percent:0}%");
    }
}
