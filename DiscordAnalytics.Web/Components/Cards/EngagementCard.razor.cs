using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using MudBlazor;

namespace DiscordAnalytics.Web.Components.Cards;

public sealed partial class EngagementCard
{
    private readonly LineChartOptions _options = ActivityChartCard.DailyLineOptions();

    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];

    private string? Caption => Data is null ? null : "Members active per day (DAU), in the last 7 days (WAU) and 30 days (MAU), UTC days";

    /// <summary>The mean of the days' DAU/MAU, as a percentage; a dash when no day had anyone active in its 30 days.</summary>
    internal static string AverageStickiness(IReadOnlyList<EngagementDay> days)
    {
        var measured = days.Where(d => d.Stickiness is not null).Select(d => d.Stickiness!.Value).ToList();
        return measured.Count == 0 ? "–" : (measured.Average() * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
    }

    private string Stickiness => Data is { } data ? AverageStickiness(data.Daily) : "–";

    private string Last(Func<EngagementDay, long> value) =>
        Data is { Daily.Count: > 0 } data ? value(data.Daily[^1]).ToString("N0", CultureInfo.InvariantCulture) : "–";

    protected override Func<CancellationToken, Task<EngagementSeries>> PrepareLoad(AnalyticsQuery query) =>
        ct => EngagementQuery.RunAsync(query, ct);

    protected override void OnLoaded(EngagementSeries engagement)
    {
        var days = engagement.Daily;
        _labels = ActivityChartCard.Labels([.. days.Select(d => d.Day)]);
        _series =
        [
            new() { Name = "Daily active", Data = new ChartData<double>([.. days.Select(d => (double)d.Dau)]) },
            new() { Name = "Weekly active", Data = new ChartData<double>([.. days.Select(d => (double)d.Wau)]) },
            new() { Name = "Monthly active", Data = new ChartData<double>([.. days.Select(d => (double)d.Mau)]) },
        ];
    }
}
