using DiscordAnalytics.Core.Analytics.Emojis;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.Kinds;
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
    MessageKindsQuery kinds,
    TopEmojisQuery emojis)
{
    /// <summary>The summary, or null when the guild is unknown.</summary>
    public async Task<AnalyticsSummary?> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var guild = await guilds.FindAsync(query.GuildId, cancellationToken);
        if (guild is null)
        {
            return null;
        }

        var previous = await totals.RunPreviousAsync(query, cancellationToken);
        var topMembers = await members.RunAsync(query, MemberRanking.ByActivity, cancellationToken);
        var kinded = await kinds.RunAsync(query, cancellationToken);
        var voiced = await voice.RunAsync(query, [.. topMembers.Select(m => long.Parse(m.DiscordUserId, System.Globalization.CultureInfo.InvariantCulture))], cancellationToken);
        return new AnalyticsSummary(
            AnalyticsSummary.CurrentSchemaVersion,
            guild.GuildId,
            guild.Name,
            new SummaryWindow(query.Window.KindName, query.Window.StartAt, query.Window.EndAt, guild.TimeZone),
            (await totals.RunAsync(query, cancellationToken)) with { VoiceMinutes = voiced.Minutes },
            previous.Totals with { VoiceMinutes = voiced.PreviousMinutes },
            await daily.RunAsync(query, cancellationToken),
            await channels.RunAsync(query, ChannelRanking.ByMessages, cancellationToken),
            [.. topMembers.Select(m => m with { VoiceMinutes = voiced.MemberMinutes.GetValueOrDefault(long.Parse(m.DiscordUserId, System.Globalization.CultureInfo.InvariantCulture)) })],
            await content.RunAsync(query, cancellationToken),
            await support.RunAsync(query, cancellationToken))
        {
            PreviousWindow = previous.Window,
            Hourly = await hourly.RunAsync(query, cancellationToken),
            RisingMembers = await rising.RunAsync(query, cancellationToken),
            MemberGrowth = await growth.RunAsync(query, cancellationToken),
            Activation = await activation.RunAsync(query, cancellationToken),
            Engagement = await engagement.RunAsync(query, cancellationToken),
            TrendingTopics = await trending.RunAsync(query, cancellationToken),
            TopVoiceChannels = voiced.TopChannels,
            HourlyVoice = voiced.Hourly,
            MessageKinds = kinded.Current,
            PreviousMessageKinds = kinded.Previous,
            TopEmojis = await emojis.RunAsync(query, cancellationToken),
        };
    }
}
