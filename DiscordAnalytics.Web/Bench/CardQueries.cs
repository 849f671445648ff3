using System.Collections.Concurrent;
using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Roles;
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
