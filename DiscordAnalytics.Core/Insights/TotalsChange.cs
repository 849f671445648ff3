using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// One headline number of <c>totals</c> against <c>previousTotals</c>. <see cref="Percent"/> is the change the
/// grounding check accepts as derived: |current - previous| * 100 / previous, rounded to a whole number
/// (midpoint away from zero), unsigned (texts say "up"/"down"); null when previous is 0.
/// </summary>
/// <param name="HasEarlierData">False when the previous window starts before the guild's first stored event: no change is computed.</param>
public sealed record TotalsChange(string Metric, long Current, long Previous, bool HasEarlierData = true)
{
    public long? Percent => Previous == 0 || !HasEarlierData
        ? null
        : (long)Math.Round(Math.Abs(Current - Previous) * 100m / Previous, 0, MidpointRounding.AwayFromZero);

    /// <summary>All nine totals, in the contract's order (voice minutes last).</summary>
    public static IReadOnlyList<TotalsChange> FromSummary(AnalyticsSummary summary)
    {
        var (t, p) = (summary.Totals, summary.PreviousTotals);
        var earlier = summary.PreviousWindow?.HasEarlierData ?? true;
        return
        [
            new("messages", t.Messages, p.Messages, earlier),
            new("reactions", t.Reactions, p.Reactions, earlier),
            new("threads created", t.ThreadsCreated, p.ThreadsCreated, earlier),
            new("active members", t.ActiveMembers, p.ActiveMembers, earlier),
            new("unique reactors", t.UniqueReactors, p.UniqueReactors, earlier),
            new("joins", t.Joins, p.Joins, earlier),
            new("leaves", t.Leaves, p.Leaves, earlier),
            new("deleted messages", t.DeletedMessages, p.DeletedMessages, earlier),
            new("voice minutes", t.VoiceMinutes, p.VoiceMinutes, earlier),
        ];
    }
}
