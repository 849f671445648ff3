using System.Globalization;
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

    /// <summary>The window's totals and the previous window's, cut to the same elapsed time.</summary>
    public sealed record Comparison(Totals Current, PreviousTotals Previous);

    /// <summary>
    /// The rule next to the changes: "vs the same 6 days + 14 h before" (the previous window is cut to the time the
    /// current one has run), or why there is no change to show.
    /// </summary>
    internal static string CompareCaption(PreviousTotals previous) => previous.Window.HasEarlierData
        ? $"vs the same {previous.Span.Span} before"
        : $"no earlier data: nothing stored before the {previous.Span.Span} before this window";

    /// <summary>The tooltip of one change: what it is measured against, with the number.</summary>
    internal static string ChangeTooltip(PreviousTotals previous, long value) => previous.Window.HasEarlierData
        ? $"the {previous.Span.Span} before this window (cut at the same time of day): {value.ToString("N0", CultureInfo.InvariantCulture)}"
        : "The guild's stored data starts inside the previous window, so a percentage would compare with a part of it.";

    protected override Func<CancellationToken, Task<Comparison>> PrepareLoad(AnalyticsQuery query) => async ct =>
    {
        var current = TotalsQuery.RunAsync(query, ct);
        var previous = TotalsQuery.RunPreviousAsync(query, ct);
        return new Comparison(await current, await previous);
    };

    private static bool IsNothing(Comparison data) => data.Current == Totals.Zero && data.Previous.Totals == Totals.Zero;

    private sealed record Metric(string Key, string Label, Func<Totals, long> Value, bool HigherIsBetter);
}
