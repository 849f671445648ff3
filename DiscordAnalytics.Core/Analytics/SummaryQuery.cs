using DiscordAnalytics.Core.Analytics.Emojis;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.Invites;
using DiscordAnalytics.Core.Analytics.Kinds;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Analytics.TrendingTopics;
using DiscordAnalytics.Core.Analytics.Voice;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>Builds the schema-1 analytics summary from the card queries (the API and the AI read this).</summary>
public sealed class SummaryQuery(
    GuildsQuery guilds,
    TotalsQuery totals,
    DailyActivityQuery daily,
    TopChannelsQuery channels,
    TopMembersQuery members,
    TopContentQuery content,
    SupportSignalsQuery support,
    HourlyActivityQuery hourly,
    RisingMembersQuery rising,
    MemberGrowthQuery growth,
    NewMemberActivationQuery activation,
    EngagementQuery engagement,
    TrendingTopicsQuery trending,
    VoiceQuery voice,
    LurkersQuery lurkers,
    KeywordDayCache keywordDays,
    MessageKindsQuery kinds,
    TopEmojisQuery emojis,
    RolesQuery roles,
    InvitesQuery invites,
    Mentors.MentorsQuery mentors,
    Loops.OfficeHours.OfficeHoursDraftQuery officeHours)
{
    /// <summary>The summary, or null when the guild is unknown.</summary>
    public async Task<AnalyticsSummary?> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var guild = await guilds.FindAsync(query.GuildId, cancellationToken);
        if (guild is null)
        {
            return null;
        }

        // The cards' queries are independent (each reads through its own context), so they run at once: the summary
        // takes about as long as its slowest part instead of the sum of them all.
        var previousTask = totals.RunPreviousAsync(query, cancellationToken);
        var currentTask = totals.RunAsync(query, cancellationToken);
        var dailyTask = daily.RunAsync(query, cancellationToken);
        var channelsTask = channels.RunAsync(query, ChannelRanking.ByMessages, cancellationToken);
        var contentTask = content.RunAsync(query, cancellationToken);
        var hourlyTask = hourly.RunAsync(query, cancellationToken);
        var risingTask = rising.RunAsync(query, cancellationToken);
        var growthTask = growth.RunAsync(query, cancellationToken);
        var activationTask = activation.RunAsync(query, cancellationToken);
        var engagementTask = engagement.RunAsync(query, cancellationToken);
        var membersTask = MembersWithVoiceAsync(query, cancellationToken);
        var lurkersTask = lurkers.RunAsync(query, cancellationToken);
        var kindsTask = kinds.RunAsync(query, cancellationToken);
        var emojisTask = emojis.RunAsync(query, EmojiSource.Reactions, cancellationToken);
        var messageEmojisTask = emojis.RunAsync(query, EmojiSource.Messages, cancellationToken);
        var rolesTask = roles.RunAsync(query, cancellationToken);
        var invitesTask = invites.RunAsync(query, cancellationToken);
        var mentorsTask = mentors.RunAsync(query, cancellationToken);
        var officeHoursTask = officeHours.DraftAsync((long)query.GuildId, cancellationToken);

        // The window's keyword counts, read once for the support signals' common keywords and the trending topics.
        var keywordCounts = await keywordDays.CountsAsync((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, cancellationToken);
        var supportTask = support.RunAsync(query, keywordCounts, cancellationToken);
        var trendingTask = trending.RunAsync(query, keywordCounts, cancellationToken);

        await Task.WhenAll(previousTask, currentTask, dailyTask, channelsTask, contentTask, hourlyTask, risingTask, growthTask, activationTask, engagementTask, membersTask, lurkersTask, kindsTask, emojisTask, messageEmojisTask, rolesTask, supportTask, trendingTask, invitesTask, mentorsTask, officeHoursTask);
        var (topMembers, voiced) = await membersTask;
        var previous = await previousTask;
        var kinded = await kindsTask;
        var roled = await rolesTask;
        var invited = await invitesTask;
        return new AnalyticsSummary(
            AnalyticsSummary.CurrentSchemaVersion,
            guild.GuildId,
            guild.Name,
            new SummaryWindow(query.Window.KindName, query.Window.StartAt, query.Window.EndAt, guild.TimeZone),
            (await currentTask) with { VoiceMinutes = voiced.Minutes },
            previous.Totals with { VoiceMinutes = voiced.PreviousMinutes },
            await dailyTask,
            await channelsTask,
            [.. topMembers.Select(m => m with { VoiceMinutes = voiced.MemberMinutes.GetValueOrDefault(long.Parse(m.DiscordUserId, System.Globalization.CultureInfo.InvariantCulture)) })],
            await contentTask,
            await supportTask)
        {
            PreviousWindow = previous.Window,
            Hourly = await hourlyTask,
            RisingMembers = await risingTask,
            MemberGrowth = await growthTask,
            Activation = await activationTask,
            Engagement = await engagementTask,
            TrendingTopics = await trendingTask,
            TopVoiceChannels = voiced.TopChannels,
            HourlyVoice = voiced.Hourly,
            Lurkers = await lurkersTask,
            MessageKinds = kinded.Current,
            PreviousMessageKinds = kinded.Previous,
            TopEmojis = await emojisTask,
            TopMessageEmojis = await messageEmojisTask,
            Roles = roled.Roles,
            RoleChanges = roled.Changes,
            RolesExactFrom = roled.ExactFrom,
            RoleFilter = query.RoleId is { } role
                ? new RoleFilter(role.ToString(System.Globalization.CultureInfo.InvariantCulture), roled.Roles.FirstOrDefault()?.Name ?? role.ToString(System.Globalization.CultureInfo.InvariantCulture), RoleFilter.FilteredFields)
                : null,
            Invites = [.. invited.Invites.Take(query.Top)],
            Inviters = [.. invited.Inviters.Take(query.Top)],
            InvitesStatus = invited.Status,
            Mentors = await mentorsTask,
            OfficeHours = await officeHoursTask,
        };
    }

    /// <summary>The top members, then the voice numbers of the window and of those members.</summary>
    private async Task<(IReadOnlyList<MemberStat> Members, VoiceSummary Voice)> MembersWithVoiceAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var topMembers = await members.RunAsync(query, MemberRanking.ByActivity, cancellationToken);
        var voiced = await voice.RunAsync(query, [.. topMembers.Select(m => long.Parse(m.DiscordUserId, System.Globalization.CultureInfo.InvariantCulture))], cancellationToken);
        return (topMembers, voiced);
    }
}
