using System.Globalization;
using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Backfill.GapRepair;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Web.Components.Pages.Settings;

/// <summary>
/// Backfill for one guild: opt in, depth, channels, start / pause / resume / cancel, a live progress bar per
/// guild and per channel (reloaded when <see cref="BackfillNotifier"/> reports the guild), and the final report.
/// </summary>
public sealed partial class BackfillPanel : IDisposable
{
    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private IReadOnlyList<BackfillChannelChoice> _choices = [];
    private BackfillStatus? _status;
    private GapRepairStatus? _gap;
    private string? _problem;
    private bool _optIn;
    private int _days;
    private bool _busy;
    private bool _reloading;
    private bool _reloadAgain;
    private bool _disposed;

    /// <summary>The guild (a Discord id).</summary>
    [Parameter, EditorRequired]
    public string GuildId { get; set; } = string.Empty;

    /// <summary>The guild's name (user text, shown as text).</summary>
    [Parameter]
    public string GuildName { get; set; } = string.Empty;

    [Inject]
    private BackfillService Service { get; set; } = default!;

    [Inject]
    private GapRepairService GapRepair { get; set; } = default!;

    [Inject]
    private BackfillNotifier Notifier { get; set; } = default!;

    [Inject]
    private IngestionMode Mode { get; set; } = default!;

    private ulong Guild => ulong.Parse(GuildId, CultureInfo.InvariantCulture);

    private bool IsDemo => Mode.IsDemo;

    private bool IsActive => _status is not null && _status.State.IsActive();

    public void Dispose()
    {
        _disposed = true;
        Notifier.Changed -= OnChanged;
    }

    protected override async Task OnInitializedAsync()
    {
        _days = Service.AllowedDepths.Contains(30) ? 30 : Service.AllowedDepths.LastOrDefault();
        Notifier.Changed += OnChanged;
        _choices = await Service.ListChannelChoicesAsync(Guild, CancellationToken.None);
        _status = await Service.GetStatusAsync(Guild, CancellationToken.None);
        _gap = await GapRepair.GetStatusAsync(Guild, CancellationToken.None);
        _optIn = IsActive;
    }

    private void OnChanged(ulong guildId)
    {
        if (guildId == Guild && !_disposed)
        {
            _ = InvokeAsync(ReloadAsync);
        }
    }

    /// <summary>One reload at a time; notifications during one fold into a single reload after it.</summary>
    private async Task ReloadAsync()
    {
        if (_reloading)
        {
            _reloadAgain = true;
            return;
        }

        _reloading = true;
        try
        {
            do
            {
                _reloadAgain = false;
                _status = await Service.GetStatusAsync(Guild, CancellationToken.None);
                _gap = await GapRepair.GetStatusAsync(Guild, CancellationToken.None);
                if (!_disposed)
                {
                    StateHasChanged();
                }
            }
            while (_reloadAgain && !_disposed);
        }
        finally
        {
            _reloading = false;
        }
    }

    private void Toggle(string channelId, bool on)
    {
        if (on)
        {
            _selected.Add(channelId);
        }
        else
        {
            _selected.Remove(channelId);
        }
    }

    private Task StartAsync() => RunAsync(() => Service.StartAsync(
        Guild,
        _days,
        _selected.Count == 0 ? null : [.. _selected.Select(id => ulong.Parse(id, CultureInfo.InvariantCulture))],
        CancellationToken.None));

    private Task PauseAsync() => RunAsync(() => Service.PauseAsync(Guild, CancellationToken.None));

    private Task ResumeAsync() => RunAsync(() => Service.ResumeAsync(Guild, CancellationToken.None));

    private Task CancelAsync() => RunAsync(() => Service.CancelAsync(Guild, CancellationToken.None));

    private async Task RunAsync(Func<Task<BackfillOutcome>> command)
    {
        _busy = true;
        try
        {
            var outcome = await command();
            _problem = outcome.Kind == BackfillOutcomeKind.Ok ? null : outcome.Reason ?? "That did not work.";
            _status = outcome.Status ?? await Service.GetStatusAsync(Guild, CancellationToken.None);
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Date(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string GuildDetail(BackfillStatus s)
    {
        var parts = new List<string>
        {
            $"{s.PagesDone.ToString("N0", CultureInfo.InvariantCulture)} pages",
            $"{s.Messages.ToString("N0", CultureInfo.InvariantCulture)} messages",
            $"{s.Reactions.ToString("N0", CultureInfo.InvariantCulture)} reactions",
        };
        if (s.OldestAt is { } oldest)
        {
            parts.Add($"back to {Date(oldest)}");
        }

        if (s.RequestsPerSecond is { } rate)
        {
            parts.Add($"{rate.ToString("0.0", CultureInfo.InvariantCulture)} requests/s");
        }

        if (s.EtaSeconds is { } eta)
        {
            parts.Add($"about {Duration(eta)} left");
        }

        return string.Join(" · ", parts);
    }

    private string GapSetting(GapRepairStatus gap) => gap.Enabled
        ? $"On: when the app starts again, or Discord cannot resume its session, and this server's last stored event is older than {Duration(gap.After.TotalSeconds)}, the missed span is imported from Discord's history (counted once)."
        : IsDemo ? "Demo mode: the demo community fills in what it missed by itself." : "Off (Backfill:GapRepair is false, or there is no bot token).";

    private static string GapSpan(BackfillStatus s) =>
        $"{Date(s.CutoffAt)} to {Date(s.RequestedAt)} · {s.Messages.ToString("N0", CultureInfo.InvariantCulture)} messages · {s.Reactions.ToString("N0", CultureInfo.InvariantCulture)} reactions";

    private static string ChannelDetail(BackfillChannelStatus c) => c.State == BackfillChannelState.Skipped
        ? $"skipped: {c.SkipReason}"
        : $"{c.Pages} pages · {c.Messages.ToString("N0", CultureInfo.InvariantCulture)} messages" + (c.OldestAt is { } oldest ? $" · back to {Date(oldest)}" : string.Empty);

    private static string ChannelLabel(BackfillChannelStatus c) => c.IsThread ? $"🧵 {c.Name}" : $"#{c.Name}";

    private static string Duration(double seconds) => seconds switch
    {
        < 60 => $"{Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture)} s",
        < 3600 => $"{Math.Ceiling(seconds / 60).ToString(CultureInfo.InvariantCulture)} min",
        _ => $"{(seconds / 3600).ToString("0.0", CultureInfo.InvariantCulture)} h",
    };

    private static Color StateColor(BackfillState state) => state switch
    {
        BackfillState.Running or BackfillState.Queued => Color.Primary,
        BackfillState.Completed => Color.Success,
        BackfillState.Failed => Color.Error,
        BackfillState.Paused => Color.Warning,
        _ => Color.Default,
    };

    private static Color BarColor(BackfillState state) => state == BackfillState.Completed ? Color.Success : Color.Primary;

    private static Color ChannelColor(BackfillChannelState state) => state switch
    {
        BackfillChannelState.Done => Color.Success,
        BackfillChannelState.Skipped => Color.Default,
        _ => Color.Primary,
    };
}
