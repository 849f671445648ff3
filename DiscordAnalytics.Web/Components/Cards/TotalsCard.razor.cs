using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Web.Components.Cards;

public sealed partial class TotalsCard
{
    /// <summary>
    /// The tiles in display order. For leaves and deletes a rise is bad news, so their colours invert.
    /// </summary>
    private static readonly Metric[] Metrics =
    [
        new("messages", "Messages", t => t.Messages, true),
        new("reactions", "Reactions", t => t.Reactions, true),
        new("active-members", "Active members", t => t.ActiveMembers, true),
        new("threads", "Threads", t => t.ThreadsCreated, true),
        new("joins", "Joins", t => t.Joins, true),
        new("leaves", "Leaves", t => t.Leaves, false),
        new("deleted", "Deleted", t => t.DeletedMessages, false),
    ];

    /// <summary>The window's totals and the previous window's.</summary>
    public sealed record Comparison(Totals Current, Totals Previous);

    protected override Func<CancellationToken, Task<Comparison>> PrepareLoad(AnalyticsQuery query) => async ct =>
    {
        var current = TotalsQuery.RunAsync(query, ct);
        var previous = TotalsQuery.RunAsync(query.Previous, ct);
        return new Comparison(await current, await previous);
    };

    private static bool IsNothing(Comparison data) => data.Current == Totals.Zero && data.Previous == Totals.Zero;

    private sealed record Metric(string Key, string Label, Func<Totals, long> Value, bool HigherIsBetter);
}
