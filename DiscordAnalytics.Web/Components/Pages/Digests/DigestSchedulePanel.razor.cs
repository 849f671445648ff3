using System.Globalization;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Discord;
using Microsoft.AspNetCore.Components;

namespace DiscordAnalytics.Web.Components.Pages.Digests;

/// <summary>
/// The weekly schedule form of the Digests page. It edits its own copy of <see cref="Settings"/> (taken again whenever
/// the page passes other stored settings, e.g. for another guild) and hands it to <see cref="SaveRequested"/>; the page
/// saves it and says how that went. The next run comes from the stored <see cref="Row"/>.
/// </summary>
public sealed partial class DigestSchedulePanel
{
    private DigestScheduleSettings? _stored;
    private DigestScheduleSettings _schedule = DigestScheduleSettings.Default;
    private string? _dayError;
    private string? _hourError;

    /// <summary>The stored settings the form starts from (the defaults for a guild without a schedule).</summary>
    [Parameter, EditorRequired]
    public DigestScheduleSettings Settings { get; set; } = DigestScheduleSettings.Default;

    /// <summary>The stored schedule (next run, last error); null when the guild has none.</summary>
    [Parameter]
    public DigestSchedule? Row { get; set; }

    /// <summary>The channels a scheduled digest can be posted to.</summary>
    [Parameter]
    public IReadOnlyList<DigestChannel> Channels { get; set; } = [];

    /// <summary>True while the page is working on something: saving waits.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Receives the edited settings to save.</summary>
    [Parameter]
    public EventCallback<DigestScheduleSettings> SaveRequested { get; set; }

    private string NextRun => Row switch
    {
        null => "Not scheduled.",
        { Enabled: false } => "Schedule is off.",
        { NextRunAt: { } next } => $"Next run: {DateTimeOffset.FromUnixTimeMilliseconds(next).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"
            + (Row.LastError is { } error ? $" · last run: {error}" : string.Empty),
        _ => string.Empty,
    };

    protected override void OnParametersSet()
    {
        // By reference: stored settings read again (another guild, a reload) replace the edits; a re-render keeps them.
        if (!ReferenceEquals(Settings, _stored))
        {
            _stored = Settings;
            _schedule = Settings;
            _dayError = null;
            _hourError = null;
        }
    }

    /// <summary>The chosen channel as the select holds it: its id, or empty for none.</summary>
    private string ChannelValue => _schedule.ChannelId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Hour(int hour) => $"{hour.ToString("00", CultureInfo.InvariantCulture)}:00";

    private string ChannelName(string? id) =>
        Channels.FirstOrDefault(c => c.ChannelId.ToString(CultureInfo.InvariantCulture) == id) is { } channel ? $"#{channel.Name}" : "none";

    private void OnChannelChanged(string? id) =>
        _schedule = _schedule with { ChannelId = Snowflake.TryParse(id) };

    // The selects offer only the valid values; this guard keeps anything else (an hour of 99 once reached the
    // store through a text-carrying event) out of it for good: the previous choice stays, the reason is said
    // under the field (MudSelect's error text) and Save is held back.
    private void OnDayChanged(DayOfWeek day)
    {
        var valid = Enum.IsDefined(day);
        _dayError = valid ? null : "Choose a day of the week from the list.";
        _schedule = valid ? _schedule with { Day = day } : _schedule;
    }

    private void OnHourChanged(int hour)
    {
        var valid = hour is >= 0 and <= 23;
        _hourError = valid ? null : "Choose an hour from 0 to 23.";
        _schedule = valid ? _schedule with { Hour = hour } : _schedule;
    }

    private Task SaveAsync() => _dayError is null && _hourError is null ? SaveRequested.InvokeAsync(_schedule) : Task.CompletedTask;
}
