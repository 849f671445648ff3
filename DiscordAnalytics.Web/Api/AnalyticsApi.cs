using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Api;

/// <summary>The HTTP contract (docs/api.md): the same query services the dashboard cards use.</summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/guilds", async (GuildsQuery guilds, CancellationToken ct) => Results.Ok(await guilds.ListAsync(ct)));

        api.MapGet("/guilds/{guildId}/summary", async (
            string guildId,
            string? window,
            string? start,
            string? end,
            string? top,
            SummaryQuery summaries,
            TimeProvider time,
            IOptions<DiscordOptions> discord,
            CancellationToken ct) =>
        {
            if (!TryParseQuery(guildId, window, start, end, top, time, discord.Value, out var query, out var problem))
            {
                return problem;
            }

            var summary = await summaries.RunAsync(query, ct);
            return summary is null ? GuildNotFound(guildId) : Results.Ok(summary);
        });

        api.MapGet("/guilds/{guildId}/export/{table}.csv", async (
            string guildId,
            string table,
            string? window,
            string? start,
            string? end,
            string? top,
            GuildsQuery guilds,
            TopChannelsQuery channels,
            TopMembersQuery members,
            TopContentQuery content,
            DailyActivityQuery daily,
            TimeProvider time,
            IOptions<DiscordOptions> discord,
            CancellationToken ct) =>
        {
            if (!TryParseQuery(guildId, window, start, end, top ?? AnalyticsQuery.MaxTop.ToString(System.Globalization.CultureInfo.InvariantCulture), time, discord.Value, out var query, out var problem))
            {
                return problem;
            }

            if (await guilds.FindAsync(query.GuildId, ct) is null)
            {
                return GuildNotFound(guildId);
            }

            string? csv = table switch
            {
                "channels" => CsvWriter.Write(
                    ["channelId", "name", "messageCount", "reactionCount", "threadCount"],
                    (await channels.RunAsync(query, ChannelRanking.ByMessages, ct))
                        .Select(c => new object?[] { c.ChannelId, c.Name, c.MessageCount, c.ReactionCount, c.ThreadCount })),
                "members" => CsvWriter.Write(
                    ["discordUserId", "name", "messagesSent", "reactionsAdded", "threadsStarted"],
                    (await members.RunAsync(query, MemberRanking.ByActivity, ct))
                        .Select(m => new object?[] { m.DiscordUserId, m.Name, m.MessagesSent, m.ReactionsAdded, m.ThreadsStarted })),
                "content" => CsvWriter.Write(
                    ["messageId", "channelId", "authorDiscordUserId", "reactionScore", "excerpt", "jumpUrl", "createdAt"],
                    (await content.RunAsync(query, ct))
                        .Select(c => new object?[] { c.MessageId, c.ChannelId, c.AuthorDiscordUserId, c.ReactionScore, c.Excerpt, c.JumpUrl, c.CreatedAt })),
                "daily" => CsvWriter.Write(
                    ["date", "messages", "reactions", "activeMembers"],
                    (await daily.RunAsync(query, ct))
                        .Select(d => new object?[] { d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Messages, d.Reactions, d.ActiveMembers })),
                _ => null,
            };
            return csv is null
                ? BadParameter("table", "table must be one of channels, members, content, daily.")
                : Results.Text(csv, "text/csv; charset=utf-8");
        });

        return app;
    }

    /// <summary>Parses the shared query parameters; on failure <paramref name="problem"/> is the 400 naming the parameter.</summary>
    internal static bool TryParseQuery(
        string guildId,
        string? window,
        string? start,
        string? end,
        string? top,
        TimeProvider time,
        DiscordOptions discord,
        out AnalyticsQuery query,
        out IResult problem)
    {
        problem = Results.Empty;
        if (Snowflake.TryParse(guildId) is not { } id)
        {
            query = null!;
            problem = BadGuildId();
            return false;
        }

        var today = DayBucket.Of(time.GetUtcNow().ToUnixTimeMilliseconds());
        if (!AnalyticsQueryParser.TryParse(id, window, start, end, top, today, discord.IncludeBots, out query, out var error))
        {
            problem = BadParameter(error!.Parameter, error.Reason);
            return false;
        }

        return true;
    }

    internal static IResult BadParameter(string parameter, string reason) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: $"Invalid parameter '{parameter}'",
        detail: reason,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>The 400 every guild route gives for a <c>guildId</c> that is not a Discord id.</summary>
    internal static IResult BadGuildId() => BadParameter("guildId", "guildId must be a Discord id (a positive 64-bit integer).");

    internal static IResult GuildNotFound(string guildId) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Guild not found",
        detail: $"No data for guild {guildId}.");
}
