using System.Globalization;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Web.Components.Shared;
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

    private void OnChannelChanged(ChangeEventArgs e) =>
        _schedule = _schedule with { ChannelId = Snowflake.TryParse(e.Value?.ToString()) };

    // The selects only offer valid values, but a circuit event carries whatever text the client sends: int.Parse
    // threw on "1e9" and took the circuit down, and an hour of 99 reached the store. What is not a whole number in
    // range keeps the previous choice, says so next to the field and holds Save back.
    private void OnDayChanged(ChangeEventArgs e)
    {
        var day = WholeNumber.Read(e.Value?.ToString(), (int)DayOfWeek.Sunday, (int)DayOfWeek.Saturday);
        _dayError = day is null ? "Choose a day of the week from the list." : null;
        _schedule = day is { } chosen ? _schedule with { Day = (DayOfWeek)chosen } : _schedule;
    }

    private void OnHourChanged(ChangeEventArgs e)
    {
        var hour = WholeNumber.Read(e.Value?.ToString(), 0, 23);
        _hourError = hour is null ? "Choose an hour from 0 to 23." : null;
        _schedule = hour is { } chosen ? _schedule with { Hour = chosen } : _schedule;
    }

    private Task SaveAsync() => _dayError is null && _hourError is null ? SaveRequested.InvokeAsync(_schedule) : Task.CompletedTask;
}
