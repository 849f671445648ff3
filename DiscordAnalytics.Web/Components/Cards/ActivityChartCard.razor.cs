using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using MudBlazor;

namespace DiscordAnalytics.Web.Components.Cards;

public sealed partial class ActivityChartCard
{
    /// <summary>About this many x labels fit under the chart; longer windows show every n-th day.</summary>
    internal const int MaxLabels = 12;

    private readonly LineChartOptions _options = DailyLineOptions();

    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];

    private string? Summary => Data is null ? null : $"{Query.Window.FirstDate:MMM d} – {Query.Window.LastDate:MMM d, yyyy} (UTC)";

    private string Peak => Data is { Count: > 0 } days
        ? days.MaxBy(d => d.Messages + d.Reactions)!.Date.ToString("MMM d", CultureInfo.InvariantCulture)
        : "–";

    /// <summary>The options of a line per day (this card's and the engagement card's): whole numbers from zero, no markers.</summary>
    internal static LineChartOptions DailyLineOptions() => new()
    {
        YAxisTicks = 0,
        MaxNumYAxisTicks = 6,
        YAxisRequireZeroPoint = true,
        ShowDataMarkers = false,
        YAxisFormat = "N0",
    };

    /// <summary>Short date labels, thinned so that at most about <see cref="MaxLabels"/> show; the last day always does.</summary>
    internal static string[] Labels(IReadOnlyList<DateOnly> days)
    {
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / (double)MaxLabels));
        var labels = new string[days.Count];
        for (var i = 0; i < days.Count; i++)
        {
            labels[i] = (days.Count - 1 - i) % step == 0 ? days[i].ToString("MMM d", CultureInfo.InvariantCulture) : string.Empty;
        }

        return labels;
    }

    protected override Func<CancellationToken, Task<IReadOnlyList<DailyActivity>>> PrepareLoad(AnalyticsQuery query) =>
        ct => DailyActivityQuery.RunAsync(query, ct);

    private long Sum(Func<DailyActivity, long> value) => Data?.Sum(value) ?? 0;

    protected override void OnLoaded(IReadOnlyList<DailyActivity> days)
    {
        _labels = Labels([.. days.Select(d => d.Date)]);
        _series =
        [
            new() { Name = "Messages", Data = new ChartData<double>([.. days.Select(d => (double)d.Messages)]) },
            new() { Name = "Reactions", Data = new ChartData<double>([.. days.Select(d => (double)d.Reactions)]) },
        ];
    }
}
