using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Cohorts;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Web.Api.Guilds;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Api;

/// <summary>The HTTP contract (docs/api.md): the same query services the dashboard cards use.</summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/guilds", async (GuildsQuery guilds, CancellationToken ct) => Results.Ok(await guilds.ListAsync(ct)));

        var routes = app.MapGuildRoutes();

        routes.MapGet("/summary", async (
            RequestedGuild guild,
            string? window,
            string? start,
            string? end,
            string? top,
            string? roleId,
            SummaryQuery summaries,
            RoleParameter roles,
            TimeProvider time,
            IOptions<DiscordOptions> discord,
            CancellationToken ct) =>
        {
            if (!TryParseQuery(guild, window, start, end, top, time, discord.Value, out var query, out var problem))
            {
                return problem;
            }

            var (withRole, roleProblem) = await roles.ApplyAsync(query, roleId, ct);
            if (roleProblem is not null)
            {
                return roleProblem;
            }

            query = withRole;

            var summary = await summaries.RunAsync(query, ct);
            return summary is null ? ApiProblems.GuildNotFound(guild.RouteText) : Results.Ok(summary);
        });

        routes.MapGet("/export/{table}.csv", async (
            RequestedGuild guild,
            string table,
            string? window,
            string? start,
            string? end,
            string? top,
            string? roleId,
            string? source,
            RoleParameter roleParameter,
            DiscordAnalytics.Core.Analytics.Roles.RolesQuery roles,
            TopChannelsQuery channels,
            TopMembersQuery members,
            TopContentQuery content,
            DailyActivityQuery daily,
            EngagementQuery engagement,
            VoiceQuery voice,
            CohortRetentionQuery retention,
            DiscordAnalytics.Core.Analytics.Kinds.MessageKindsQuery kinds,
            DiscordAnalytics.Core.Analytics.Emojis.TopEmojisQuery emojis,
            DiscordAnalytics.Core.Analytics.Invites.InvitesQuery invites,
            DiscordAnalytics.Core.Analytics.Mentors.MentorsQuery mentors,
            TimeProvider time,
            IOptions<DiscordOptions> discord,
            CancellationToken ct) =>
        {
            if (!TryParseQuery(guild, window, start, end, top ?? AnalyticsQuery.MaxTop.ToString(CultureInfo.InvariantCulture), time, discord.Value, out var query, out var problem))
            {
                return problem;
            }

            var (withRole, roleProblem) = await roleParameter.ApplyAsync(query, roleId, ct);
            if (roleProblem is not null)
            {
                return roleProblem;
            }

            query = withRole;
            if (!EmojiSourceName.TryParse(source, out var emojiSource))
            {
                return ApiProblems.BadParameter("source", "source must be reactions or messages.");
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
                // Names and ISO-8601 UTC times for a person reading it in a spreadsheet; the ids follow for joins.
                "content" => CsvWriter.Write(
                    ["createdAt", "channel", "author", "reactionScore", "excerpt", "jumpUrl", "messageId", "channelId", "authorDiscordUserId"],
                    (await content.RunAsync(query, ct))
                        .Select(c => new object?[]
                        {
                            DateTimeOffset.FromUnixTimeMilliseconds(c.CreatedAt).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                            c.ChannelName, c.ByHiddenMember ? "hidden member" : c.AuthorName, c.ReactionScore, c.Excerpt, c.JumpUrl,
                            c.MessageId, c.ChannelId, c.AuthorDiscordUserId,
                        })),
                "daily" => CsvWriter.Write(
                    ["date", "messages", "reactions", "activeMembers"],
                    (await daily.RunAsync(query, ct))
                        .Select(d => new object?[] { d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Messages, d.Reactions, d.ActiveMembers })),
                "engagement" => CsvWriter.Write(
                    ["date", "dau", "wau", "mau", "stickiness"],
                    (await engagement.RunAsync(query, ct)).Daily
                        .Select(d => new object?[] { d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Dau, d.Wau, d.Mau, d.Stickiness })),
                "voice" => CsvWriter.Write(
                    ["channelId", "name", "minutes", "previousMinutes"],
                    (await voice.RunAsync(query, [], ct)).TopChannels
                        .Select(c => new object?[] { c.ChannelId, c.Name, c.Minutes, c.PreviousMinutes })),
                // The card's triangle one cell a row; cohorts do not follow the window (always the last 12 weeks).
                "retention" => CsvWriter.Write(
                    ["cohortWeekStart", "members", "week", "active", "share", "complete"],
                    ((await retention.RunAsync(query.GuildId, CohortRetentionQuery.DefaultWeeks, query.IncludeBots, ct))?.Cohorts ?? [])
                        .SelectMany(c => c.Weeks.Select(w => new object?[]
                        {
                            c.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Members, w.Week, w.Active, w.Share, w.Complete ? "true" : "false",
                        }))),
                "kinds" => CsvWriter.Write(
                    ["period", "messages", "withAttachments", "withLinks", "replies", "withMentions", "averageLength"],
                    await KindRowsAsync(kinds, query, ct)),
                // source=messages: emojis typed in messages (what the card shows when switched to them); reactions otherwise.
                "emojis" => CsvWriter.Write(
                    ["emoji", "count"],
                    (await emojis.RunAsync(query, emojiSource, ct)).Select(e => new object?[] { e.Emoji, e.Count })),
                "mentors" => CsvWriter.Write(
                    ["discordUserId", "name", "firstAnswers", "answers", "reactionsOnAnswers"],
                    (await mentors.RunAsync(query, ct)).Select(m => new object?[] { m.UserId, m.Name, m.FirstAnswers, m.Answers, m.ReactionsOnAnswers })),
                "roles" => CsvWriter.Write(
                    ["roleId", "name", "members", "activeMembers", "messages", "reactions"],
                    (await roles.RunAsync(query, ct)).Roles
                        .Select(r => new object?[] { r.RoleId, r.Name, r.Members, r.ActiveMembers, r.Messages, r.Reactions })),
                // Every invite with joins in the window, not cut to top; joins whose invite is unknown as one "unknown" row.
                "invites" => CsvWriter.Write(
                    ["code", "inviterId", "inviterName", "isVanity", "joins", "postedWithinSevenDays", "stillMembersAfterThirtyDays"],
                    (await invites.RunAsync(query, ct)).Invites.Select(i => new object?[]
                    {
                        i.Code ?? "unknown", i.InviterId, i.InviterName, i.IsVanity ? "true" : "false", i.Joins, i.PostedWithinSevenDays, i.StillMembersAfterThirtyDays,
                    })),
                _ => null,
            };
            return csv is null
                ? ApiProblems.BadParameter("table", "table must be one of channels, members, content, daily, engagement, voice, retention, kinds, emojis, roles, invites.")
                : Results.Text(csv, "text/csv; charset=utf-8");
        });

        return app;
    }

    /// <summary>The window's messages by kind and the previous window's, one row each.</summary>
    private static async Task<IEnumerable<object?[]>> KindRowsAsync(DiscordAnalytics.Core.Analytics.Kinds.MessageKindsQuery kinds, AnalyticsQuery query, CancellationToken ct)
    {
        var summary = await kinds.RunAsync(query, ct);
        return [.. new[] { ("window", summary.Current), ("previous", summary.Previous) }
            .Select(r => new object?[] { r.Item1, r.Item2.Messages, r.Item2.WithAttachments, r.Item2.WithLinks, r.Item2.Replies, r.Item2.WithMentions, r.Item2.AverageLength })];
    }

    /// <summary>Parses the window parameters for the guild; on failure <paramref name="problem"/> is the 400 naming the parameter.</summary>
    internal static bool TryParseQuery(
        RequestedGuild guild,
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
        var today = DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds());
        if (!AnalyticsQueryParser.TryParse(guild.Id, window, start, end, top, today, discord.IncludeBots, out query, out var error))
        {
            problem = ApiProblems.BadParameter(error!.Parameter, error.Reason);
            return false;
        }

        return true;
    }
}
