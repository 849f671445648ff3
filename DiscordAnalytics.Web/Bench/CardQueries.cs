using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Cohorts;
using DiscordAnalytics.Core.Analytics.Emojis;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.Kinds;
using DiscordAnalytics.Core.Analytics.TrendingTopics;
using DiscordAnalytics.Core.Analytics.Voice;

namespace DiscordAnalytics.Web.Bench;

/// <summary>What each dashboard card (and the summary API) asks the store, resolved from the app's services.</summary>
public sealed class CardQueries(IServiceProvider services)
{
    public GuildsQuery Guilds { get; } = services.GetRequiredService<GuildsQuery>();

    /// <summary>Card name and the queries it runs for one window, in dashboard order.</summary>
    public IReadOnlyList<(string Name, Func<AnalyticsQuery, CancellationToken, Task> Run)> Cards { get; } =
    [
        ("totals (+ previous)", async (q, ct) =>
        {
            var totals = services.GetRequiredService<TotalsQuery>();
            await totals.RunAsync(q, ct);
            await totals.RunPreviousAsync(q, ct);
        }),
        ("activity chart", (q, ct) => services.GetRequiredService<DailyActivityQuery>().RunAsync(q, ct)),
        ("engagement", (q, ct) => services.GetRequiredService<EngagementQuery>().RunAsync(q, ct)),
        ("lurkers", (q, ct) => services.GetRequiredService<LurkersQuery>().RunAsync(q, ct)),
        // Cohorts do not follow the window: the card always shows the last 12 weeks.
        ("retention", (q, ct) => services.GetRequiredService<CohortRetentionQuery>().RunAsync(q.GuildId, CohortRetentionQuery.DefaultWeeks, q.IncludeBots, ct)),
        ("top channels (msgs)", (q, ct) => services.GetRequiredService<TopChannelsQuery>().RunAsync(q, ChannelRanking.ByMessages, ct)),
        ("top channels (reacts)", (q, ct) => services.GetRequiredService<TopChannelsQuery>().RunAsync(q, ChannelRanking.ByReactions, ct)),
        ("top members", (q, ct) => services.GetRequiredService<TopMembersQuery>().RunAsync(q, MemberRanking.ByActivity, ct)),
        ("top content", (q, ct) => services.GetRequiredService<TopContentQuery>().RunAsync(q, ct)),
        ("heat map", (q, ct) => services.GetRequiredService<HeatMapQuery>().RunAsync(q, ct)),
        ("member growth", (q, ct) => services.GetRequiredService<MemberGrowthQuery>().RunAsync(q, ct)),
        ("activation", (q, ct) => services.GetRequiredService<NewMemberActivationQuery>().RunAsync(q, ct)),
        ("voice", (q, ct) => services.GetRequiredService<VoiceQuery>().RunAsync(q, [], ct)),
        ("trending topics", (q, ct) => services.GetRequiredService<TrendingTopicsQuery>().RunAsync(q, ct)),
        ("messages by kind", (q, ct) => services.GetRequiredService<MessageKindsQuery>().RunAsync(q, ct)),
        ("top emojis", (q, ct) => services.GetRequiredService<TopEmojisQuery>().RunAsync(q, ct)),
        ("rising members", (q, ct) => services.GetRequiredService<RisingMembersQuery>().RunAsync(q, ct)),
        ("support signals", (q, ct) => services.GetRequiredService<SupportSignalsQuery>().RunAsync(q, ct)),
        ("mentors", (q, ct) => services.GetRequiredService<Core.Analytics.Mentors.MentorsQuery>().RunAsync(q, ct)),
        ("summary (API, AI)", (q, ct) => services.GetRequiredService<SummaryQuery>().RunAsync(q, ct)),
    ];
}
