using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Cohorts;
using DiscordAnalytics.Core.Analytics.Emojis;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.Invites;
using DiscordAnalytics.Core.Analytics.Kinds;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Analytics.Mentors;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Analytics.TrendingTopics;
using DiscordAnalytics.Core.Analytics.Voice;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Core.WarmUp;

/// <summary>
/// What the dashboard asks when it opens on a window (each card's query with the card's default view: top channels by
/// messages, top members by activity, emojis by reactions; the leaderboard in each of its orders) and the summary the API, insights and
/// digests read; and the cards that follow a picked role (<see cref="RoleCards"/>), asked for the most held roles. The
/// warm-up calls exactly these, so the kept indexes it leaves are the ones the dashboard reads; the bench times them (with
/// the cards' other views) under the same names. Before any role, the reads every role's first call shares
/// (<see cref="SharedByRolesAsync"/>), so a role the warm-up does not build pays for its holders only.
/// </summary>
public sealed class DashboardCalls(
    IReadOnlyList<WarmUpCard> cards,
    Func<AnalyticsQuery, CancellationToken, Task<IReadOnlyList<RoleStat>>>? roles = null,
    Func<AnalyticsQuery, CancellationToken, Task>? sharedByRoles = null)
{
    /// <summary>
    /// How many of a guild's roles the warm-up builds the role filter's figures for, the most held first: what a role's
    /// first call builds (its holder sets' activity, engagement, voice days, joins and leaves) grows with its holders, and
    /// a guild's big roles (subscribers, members, newcomers) are few.
    /// </summary>
    public const int WarmedRoles = 4;

    public IReadOnlyList<WarmUpCard> Cards { get; } = cards;

    /// <summary>The calls whose numbers follow a picked role (<see cref="WarmUpCard.FollowsRole"/>): what the dashboard asks with a role.</summary>
    public IReadOnlyList<WarmUpCard> RoleCards { get; } = [.. cards.Where(c => c.FollowsRole)];

    /// <summary>
    /// Builds what the role filter reads of the whole guild whichever role is picked (its joins and leaves), so that the
    /// first call with any role, warmed or not, finds it kept. Nothing without the source.
    /// </summary>
    public Task SharedByRolesAsync(AnalyticsQuery query, CancellationToken cancellationToken) =>
        sharedByRoles is null ? Task.CompletedTask : sharedByRoles(query, cancellationToken);

    /// <summary>The window's roles held by the most members (at most <see cref="WarmedRoles"/>, none without holders), most held first.</summary>
    public async Task<IReadOnlyList<ulong>> MostHeldRolesAsync(AnalyticsQuery query, CancellationToken cancellationToken) =>
        roles is null
            ? []
            : [.. (await roles(query, cancellationToken)).Where(r => r.Members > 0).OrderByDescending(r => r.Members).Take(WarmedRoles)
                .Select(r => ulong.Parse(r.RoleId, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The app's own query services (the singletons the dashboard's cards are given).</summary>
    public static DashboardCalls From(IServiceProvider services) => new(
    [
        new("totals (+ previous)", async (q, ct) =>
        {
            var totals = services.GetRequiredService<TotalsQuery>();
            await totals.RunAsync(q, ct);
            await totals.RunPreviousAsync(q, ct);
        }, FollowsRole: true),
        new("activity chart", (q, ct) => services.GetRequiredService<DailyActivityQuery>().RunAsync(q, ct)),
        new("engagement", (q, ct) => services.GetRequiredService<EngagementQuery>().RunAsync(q, ct), FollowsRole: true),
        new("lurkers", (q, ct) => services.GetRequiredService<LurkersQuery>().RunAsync(q, ct), FollowsRole: true),
        new("retention", (q, ct) => services.GetRequiredService<CohortRetentionQuery>().RunAsync(q.GuildId, CohortRetentionQuery.DefaultWeeks, q.IncludeBots, ct)),
        new("top channels (msgs)", (q, ct) => services.GetRequiredService<TopChannelsQuery>().RunAsync(q, ChannelRanking.ByMessages, ct)),
        new("top members", (q, ct) => services.GetRequiredService<TopMembersQuery>().RunAsync(q, MemberRanking.ByActivity, ct), FollowsRole: true),
        new("top content", (q, ct) => services.GetRequiredService<TopContentQuery>().RunAsync(q, ct)),
        new("heat map", (q, ct) => services.GetRequiredService<HeatMapQuery>().RunAsync(q, ct)),
        new("member growth", (q, ct) => services.GetRequiredService<MemberGrowthQuery>().RunAsync(q, ct), FollowsRole: true),
        new("activation", (q, ct) => services.GetRequiredService<NewMemberActivationQuery>().RunAsync(q, ct), FollowsRole: true),
        new("voice", (q, ct) => services.GetRequiredService<VoiceQuery>().RunAsync(q, [], ct), FollowsRole: true),
        new("trending topics", (q, ct) => services.GetRequiredService<TrendingTopicsQuery>().RunAsync(q, ct)),
        new("messages by kind", (q, ct) => services.GetRequiredService<MessageKindsQuery>().RunAsync(q, ct)),
        new("top emojis", (q, ct) => services.GetRequiredService<TopEmojisQuery>().RunAsync(q, EmojiSource.Reactions, ct)),
        new("rising members", (q, ct) => services.GetRequiredService<RisingMembersQuery>().RunAsync(q, ct)),
        new("support signals", (q, ct) => services.GetRequiredService<SupportSignalsQuery>().RunAsync(q, ct)),
        new("mentors", (q, ct) => services.GetRequiredService<MentorsQuery>().RunAsync(q, ct)),
        new("summary (API, AI)", (q, ct) => services.GetRequiredService<SummaryQuery>().RunAsync(q, ct)),
        new("roles", (q, ct) => services.GetRequiredService<RolesQuery>().RunAsync(q, ct), FollowsRole: true),
        new("invites", (q, ct) => services.GetRequiredService<InvitesQuery>().RunAsync(q, ct)),
        new("leaderboard", (q, ct) => services.GetRequiredService<LeaderboardQuery>().RunAsync(q, LeaderboardRanking.Activity, ct)),
        // The leaderboard's other orders are one click away on the same card, and each keeps its own boards.
        new("leaderboard (streak)", (q, ct) => services.GetRequiredService<LeaderboardQuery>().RunAsync(q, LeaderboardRanking.Streak, ct)),
        new("leaderboard (msgs)", (q, ct) => services.GetRequiredService<LeaderboardQuery>().RunAsync(q, LeaderboardRanking.Messages, ct)),
        new("leaderboard (reacts)", (q, ct) => services.GetRequiredService<LeaderboardQuery>().RunAsync(q, LeaderboardRanking.Reactions, ct)),
    ],
    async (q, ct) => (await services.GetRequiredService<RolesQuery>().RunAsync(q with { RoleId = null }, ct)).Roles,
    (q, ct) => services.GetRequiredService<HoldersGrowth>().KeepAsync(q.GuildId, ct));

    /// <summary>The same calls without the roles to build: the guild-level reads every role shares are still made.</summary>
    public DashboardCalls WithoutRoles() => new(Cards, roles: null, sharedByRoles);
}
