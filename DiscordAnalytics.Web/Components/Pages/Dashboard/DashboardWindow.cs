using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using MudBlazor;

namespace DiscordAnalytics.Web.Components.Pages.Dashboard;

/// <summary>
/// The dashboard's window: the texts it works from (<c>window</c>, <c>start</c>, <c>end</c>, from the address or a
/// pick), parsed exactly as the HTTP API parses them. Invalid texts fall back to the last 7 days with a
/// <see cref="Notice"/>. Days are UTC and "today" comes from the <see cref="TimeProvider"/>, so evaluating again
/// rolls the window over at midnight UTC.
/// </summary>
public sealed class DashboardWindow(TimeProvider time)
{
    private (string? Window, string? Start, string? End)? _seenAddress;
    private string? _windowText;
    private string? _startText;
    private string? _endText;

    /// <summary>The window shown (always one: the last 7 days until something else is asked for).</summary>
    public AnalyticsWindow Current { get; private set; } = AnalyticsWindow.Last(7, DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds()));

    /// <summary>The selector's choice for <see cref="Current"/>: <c>7d</c>, <c>30d</c>, <c>90d</c> or <c>custom</c>.</summary>
    public string Choice { get; private set; } = "7d";

    /// <summary>The days of <see cref="Current"/>, as the date range picker holds them.</summary>
    public DateRange Range { get; private set; } = new();

    /// <summary>Set when the texts are invalid: which parameter, why, and that the last 7 days are shown instead.</summary>
    public string? Notice { get; private set; }

    /// <summary>Today (UTC): the last day a window can hold.</summary>
    public DateOnly Today => DayBucket.ToDate(TodayBucket);

    private int TodayBucket => DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>
    /// Takes the address's window texts (call it whenever the page's parameters are set). An address that moved on its
    /// own (Back, a link) names the window again; the echo of what the page wrote is no change.
    /// </summary>
    public void FollowAddress(string? window, string? start, string? end)
    {
        if (_seenAddress != (window, start, end))
        {
            _seenAddress = (window, start, end);
            (_windowText, _startText, _endText) = (window, start, end);
        }
    }

    /// <summary>A choice from the selector; <c>custom</c> starts from the days on screen, which the picker then changes.</summary>
    public void Choose(string choice)
    {
        (_windowText, _startText, _endText) = choice == "custom"
            ? ("custom", Format(Current.FirstDate), Format(Current.LastDate))
            : (choice, null, null);
        Evaluate();
    }

    /// <summary>Days picked in the range picker; false (nothing changes) until both ends are picked.</summary>
    public bool ChooseRange(DateRange? range)
    {
        if (range?.Start is not { } start || range.End is not { } end)
        {
            return false;
        }

        (_windowText, _startText, _endText) = ("custom", Format(DateOnly.FromDateTime(start)), Format(DateOnly.FromDateTime(end)));
        Evaluate();
        return true;
    }

    /// <summary>Parses the texts against today's date into <see cref="Current"/>, <see cref="Choice"/>, <see cref="Range"/> and <see cref="Notice"/>.</summary>
    public void Evaluate()
    {
        var today = TodayBucket;
        if (AnalyticsQueryParser.TryParse(0, _windowText, _startText, _endText, null, today, false, out var parsed, out var error))
        {
            Current = parsed.Window;
            Notice = null;
        }
        else
        {
            Current = AnalyticsWindow.Last(7, today);
            Notice = $"The address has an invalid {error!.Parameter}: {error.Reason} Showing the last 7 days instead.";
        }

        Choice = Current.Kind switch
        {
            WindowKind.Last30Days => "30d",
            WindowKind.Last90Days => "90d",
            WindowKind.Custom => "custom",
            _ => "7d",
        };
        Range = new DateRange(Current.FirstDate.ToDateTime(TimeOnly.MinValue), Current.LastDate.ToDateTime(TimeOnly.MinValue));
    }

    /// <summary>
    /// The texts the page writes into the address with a pick, which it then works from (the address will echo them): a
    /// valid window text stays as written (none stays none), an invalid one becomes the window shown, and a custom
    /// window names its days.
    /// </summary>
    public (string? Window, string? Start, string? End) TakeForAddress()
    {
        var custom = Choice == "custom";
        var texts = (Notice is null ? _windowText : Choice, custom ? Format(Current.FirstDate) : null, custom ? Format(Current.LastDate) : null);
        (_windowText, _startText, _endText) = texts;
        _seenAddress = texts;
        Evaluate();
        return texts;
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
