using System.Collections.Concurrent;
using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.WarmUp;

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
        // The dashboard's own calls (what the warm-up makes), each followed by the card's other views, then the role-filtered ones.
        var others = new Dictionary<string, (string, Func<AnalyticsQuery, CancellationToken, Task>)[]>
        {
            ["top channels (msgs)"] = [("top channels (reacts)", (q, ct) => services.GetRequiredService<TopChannelsQuery>().RunAsync(q, ChannelRanking.ByReactions, ct))],
        };
        Cards =
        [
            .. DashboardCalls.From(services).Cards.SelectMany(c => others.GetValueOrDefault(c.Name, []).Prepend((c.Name, c.Run))),
            // Every card that follows a role filter (the cards whose chip says "role holders only"), as the dashboard asks it with a role picked.
            Role("totals (role)", async (q, ct) =>
            {
                var totals = services.GetRequiredService<TotalsQuery>();
                await totals.RunAsync(q, ct);
                await totals.RunPreviousAsync(q, ct);
            }),
            Role("top members (role)", (q, ct) => services.GetRequiredService<TopMembersQuery>().RunAsync(q, MemberRanking.ByActivity, ct)),
            Role("member growth (role)", (q, ct) => services.GetRequiredService<MemberGrowthQuery>().RunAsync(q, ct)),
            Role("activation (role)", (q, ct) => services.GetRequiredService<NewMemberActivationQuery>().RunAsync(q, ct)),
            Role("engagement (role)", (q, ct) => services.GetRequiredService<EngagementQuery>().RunAsync(q, ct)),
            Role("lurkers (role)", (q, ct) => services.GetRequiredService<LurkersQuery>().RunAsync(q, ct)),
            Role("voice (role)", (q, ct) => services.GetRequiredService<VoiceQuery>().RunAsync(q, [], ct)),
            Role("rising members (role)", (q, ct) => services.GetRequiredService<RisingMembersQuery>().RunAsync(q, ct)),
            Role("roles (role)", (q, ct) => services.GetRequiredService<RolesQuery>().RunAsync(q, ct)),
        ];
    }

    public GuildsQuery Guilds { get; }

    /// <summary>A card asked about the busiest role (<see cref="BusiestRoleAsync"/>) instead of everyone.</summary>
    private (string, Func<AnalyticsQuery, CancellationToken, Task>) Role(string name, Func<AnalyticsQuery, CancellationToken, Task> run) =>
        (name, async (q, ct) => await run(q with { RoleId = await BusiestRoleAsync(q, ct) }, ct));

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
