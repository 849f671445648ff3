using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using MudBlazor;

namespace DiscordAnalytics.Web.Components.Cards;

public sealed partial class MembersCard
{
    /// <summary>The tiles in display order; more leaves is bad news, so that colour inverts.</summary>
    private static readonly Metric[] Metrics =
    [
        new("joins", "Joins", g => g.Joins, g => g.PreviousJoins, true, false, "Members who joined in this window", "Change in joins;"),
        new("leaves", "Leaves", g => g.Leaves, g => g.PreviousLeaves, false, false, "Members who left, were kicked or banned in this window", "Change in leaves;"),
        new("net", "Net growth", g => g.Net, g => g.PreviousNet, true, true, "Joins minus leaves in this window", "This window's net minus the previous window's net;"),
    ];

    private readonly BarChartOptions _options = new()
    {
        YAxisTicks = 0,
        MaxNumYAxisTicks = 5,
        YAxisFormat = "N0",
    };

    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];

    /// <summary>The window's growth and its new members' activation.</summary>
    public sealed record Snapshot(MemberGrowth Growth, NewMemberActivation Activation);

    protected override Func<CancellationToken, Task<Snapshot>> PrepareLoad(AnalyticsQuery query) => async ct =>
    {
        var growth = MemberGrowthQuery.RunAsync(query, ct);
        var activation = NewMemberActivationQuery.RunAsync(query, ct);
        return new Snapshot(await growth, await activation);
    };

    protected override void OnLoaded(Snapshot data)
    {
        var days = data.Growth.Daily;
        _labels = ActivityChartCard.Labels([.. days.Select(d => d.Date)]);
        _series =
        [
            new() { Name = "Joins", Data = new ChartData<double>([.. days.Select(d => (double)d.Joins)]) },
            new() { Name = "Leaves", Data = new ChartData<double>([.. days.Select(d => (double)d.Leaves)]) },
        ];
    }

    /// <summary>
    /// "12 of 30 new members posted within 7 days", saying how many are still inside the period (they are in
    /// neither number), or why there is no rate yet.
    /// </summary>
    internal static string RateText(ActivationRate rate, string period)
    {
        var pending = rate.Pending == 0 ? string.Empty : $" ({N(rate.Pending)} joined less than {period} ago)";
        if (rate.Eligible == 0)
        {
            return rate.Pending == 0
                ? $"No new members to measure within {period}"
                : $"Posted within {period}: too early to tell{pending}";
        }

        var percent = Math.Round((rate.Rate ?? 0) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
        var members = rate.Eligible == 1 ? "new member" : "new members";
        return $"{N(rate.Posted)} of {N(rate.Eligible)} {members} posted within {period} ({percent}){pending}";
    }

    private static bool IsNothing(Snapshot data) =>
        data.Growth is { Joins: 0, Leaves: 0, PreviousJoins: 0, PreviousLeaves: 0 } && data.Activation.Joined == 0;

    private static string Signed(long value, bool signed) =>
        signed && value > 0 ? "+" + N(value) : N(value);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <param name="ValueMeaning">The tile's number, said in words (its tooltip).</param>
    /// <param name="ChangeMeaning">The change below it, said in words (the start of its tooltip).</param>
    private sealed record Metric(
        string Key, string Label, Func<MemberGrowth, long> Current, Func<MemberGrowth, long> Previous, bool HigherIsBetter, bool Signed, string ValueMeaning, string ChangeMeaning);
}
