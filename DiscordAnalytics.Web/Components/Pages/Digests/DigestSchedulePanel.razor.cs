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
        }
    }

    private void OnChannelChanged(ChangeEventArgs e) =>
        _schedule = _schedule with { ChannelId = Snowflake.TryParse(e.Value?.ToString()) };

    private Task SaveAsync() => SaveRequested.InvokeAsync(_schedule);
}
