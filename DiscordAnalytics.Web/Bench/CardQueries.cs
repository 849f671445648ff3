using System.Collections.Concurrent;
using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Cohorts;
using DiscordAnalytics.Core.Analytics.Emojis;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.Invites;
using DiscordAnalytics.Core.Analytics.Kinds;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Analytics.TrendingTopics;
using DiscordAnalytics.Core.Analytics.Voice;

namespace DiscordAnalytics.Web.Bench;

/// <summary>What each dashboard card (and the summary API) asks the store, resolved from the app's services.</summary>
public sealed class CardQueries
{
    private readonly IServiceProvider _services;
    private readonly ConcurrentDictionary<ulong, Task<ulong>> _busiestRoles = new();

    public CardQueries(IServiceProvider services)
    {
        _services = services;
        Guilds = services.GetRequiredService<GuildsQuery>();
        Cards =
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
            ("roles", (q, ct) => services.GetRequiredService<RolesQuery>().RunAsync(q, ct)),
            ("invites", (q, ct) => services.GetRequiredService<InvitesQuery>().RunAsync(q, ct)),
            ("leaderboard", (q, ct) => services.GetRequiredService<LeaderboardQuery>().RunAsync(q, LeaderboardRanking.Activity, ct)),
            ("leaderboard (streak)", (q, ct) => services.GetRequiredService<LeaderboardQuery>().RunAsync(q, LeaderboardRanking.Streak, ct)),
            ("leaderboard (msgs)", (q, ct) => services.GetRequiredService<LeaderboardQuery>().RunAsync(q, LeaderboardRanking.Messages, ct)),
            ("leaderboard (reacts)", (q, ct) => services.GetRequiredService<LeaderboardQuery>().RunAsync(q, LeaderboardRanking.Reactions, ct)),
            ("totals (role)", async (q, ct) =>
            {
                var role = q with { RoleId = await BusiestRoleAsync(q, ct) };
                var totals = services.GetRequiredService<TotalsQuery>();
                await totals.RunAsync(role, ct);
                await totals.RunPreviousAsync(role, ct);
            }),
            ("top members (role)", async (q, ct) =>
                await services.GetRequiredService<TopMembersQuery>().RunAsync(q with { RoleId = await BusiestRoleAsync(q, ct) }, MemberRanking.ByActivity, ct)),
        ];
    }

    public GuildsQuery Guilds { get; }

    /// <summary>Card name and the queries it runs for one window, in dashboard order (role-filtered ones last).</summary>
    public IReadOnlyList<(string Name, Func<AnalyticsQuery, CancellationToken, Task> Run)> Cards { get; }

    /// <summary>
    /// The role the role-filtered cards ask about: the one most members held in the last 7 days of the first window asked
    /// (the large community's subscribers, about 25,000 at full size), where the filter reads the most members; 0 (a
    /// role nobody holds) for a guild without roles. Found once per guild, during the bench's warm-up pass.
    /// </summary>
    private Task<ulong> BusiestRoleAsync(AnalyticsQuery query, CancellationToken cancellationToken) =>
        _busiestRoles.GetOrAdd(query.GuildId, async _ =>
        {
            var week = query with { Window = AnalyticsWindow.Last(7, query.Window.EndDay - 1) };
            var roles = await _services.GetRequiredService<RolesQuery>().RunAsync(week, cancellationToken);
            return roles.Roles.FirstOrDefault() is { } busiest ? ulong.Parse(busiest.RoleId, CultureInfo.InvariantCulture) : 0;
        });
}
