using System.Collections.Concurrent;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.WarmUp;

namespace DiscordAnalytics.Web.Bench;

/// <summary>What each dashboard card (and the summary API) asks the store, resolved from the app's services.</summary>
public sealed class CardQueries
{
    private readonly DashboardCalls _calls;
    private readonly ConcurrentDictionary<ulong, Task<ulong>> _busiestRoles = new();

    public CardQueries(IServiceProvider services)
    {
        Guilds = services.GetRequiredService<GuildsQuery>();
        _calls = DashboardCalls.From(services);
        // The dashboard's own calls (what the warm-up makes), each followed by the card's other views, then the role-filtered ones.
        var others = new Dictionary<string, (string, Func<AnalyticsQuery, CancellationToken, Task>)[]>
        {
            ["top channels (msgs)"] = [("top channels (reacts)", (q, ct) => services.GetRequiredService<TopChannelsQuery>().RunAsync(q, ChannelRanking.ByReactions, ct))],
        };
        // Every card that follows a picked role, asked with the busiest one (as the warm-up asks its most held roles).
        RoleCards = [.. _calls.RoleCards.Select(c => Role($"{c.Name.Split(" (")[0]} (role)", c.Run))];
        Cards = [.. _calls.Cards.SelectMany(c => others.GetValueOrDefault(c.Name, []).Prepend((c.Name, c.Run))), .. RoleCards];
    }

    public GuildsQuery Guilds { get; }

    /// <summary>A card asked about the busiest role (<see cref="BusiestRoleAsync"/>) instead of everyone.</summary>
    private (string, Func<AnalyticsQuery, CancellationToken, Task>) Role(string name, Func<AnalyticsQuery, CancellationToken, Task> run) =>
        (name, async (q, ct) => await run(q with { RoleId = await BusiestRoleAsync(q, ct) }, ct));

    /// <summary>Card name and the queries it runs for one window, in dashboard order (role-filtered ones last).</summary>
    public IReadOnlyList<(string Name, Func<AnalyticsQuery, CancellationToken, Task> Run)> Cards { get; }

    /// <summary>The role-filtered ones of <see cref="Cards"/>: every card that follows a picked role, asked with the busiest role.</summary>
    public IReadOnlyList<(string Name, Func<AnalyticsQuery, CancellationToken, Task> Run)> RoleCards { get; }

    /// <summary>
    /// The role the role-filtered cards ask about: the one most members held in the last 7 days of the first window asked
    /// (the large community's subscribers, about 25,000 at full size), where the filter reads the most members; 0 (a
    /// role nobody holds) for a guild without roles. Found once per guild, during the bench's warm-up pass.
    /// </summary>
    private Task<ulong> BusiestRoleAsync(AnalyticsQuery query, CancellationToken cancellationToken) =>
        _busiestRoles.GetOrAdd(query.GuildId, async _ =>
            (await _calls.MostHeldRolesAsync(query with { Window = AnalyticsWindow.Last(7, query.Window.EndDay - 1) }, cancellationToken)).FirstOrDefault());
}
