using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// One headline number of <c>totals</c> against <c>previousTotals</c>. <see cref="Percent"/> is the change the
/// grounding check accepts as derived: |current - previous| * 100 / previous, rounded to a whole number
/// (midpoint away from zero), unsigned (texts say "up"/"down"); null when previous is 0.
/// </summary>
public sealed record TotalsChange(string Metric, long Current, long Previous)
{
    public long? Percent => Previous == 0
        ? null
        : (long)Math.Round(Math.Abs(Current - Previous) * 100m / Previous, 0, MidpointRounding.AwayFromZero);

    /// <summary>All eight totals, in the contract's order.</summary>
    public static IReadOnlyList<TotalsChange> FromSummary(AnalyticsSummary summary)
    {
        var (t, p) = (summary.Totals, summary.PreviousTotals);
        return
        [
            new("messages", t.Messages, p.Messages),
            new("reactions", t.Reactions, p.Reactions),
            new("threads created", t.ThreadsCreated, p.ThreadsCreated),
            new("active members", t.ActiveMembers, p.ActiveMembers),
            new("unique reactors", t.UniqueReactors, p.UniqueReactors),
            new("joins", t.Joins, p.Joins),
            new("leaves", t.Leaves, p.Leaves),
            new("deleted messages", t.DeletedMessages, p.DeletedMessages),
        ];
    }
}
