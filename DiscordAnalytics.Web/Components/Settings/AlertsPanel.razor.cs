using System.Globalization;
using DiscordAnalytics.Core.Loops.Alerts;
using DiscordAnalytics.Core.Storage;
using Microsoft.AspNetCore.Components;

namespace DiscordAnalytics.Web.Components.Settings;

public sealed partial class AlertsPanel
{
    /// <summary>History entries per page.</summary>
    public const int HistoryPageSize = 10;

    private AlertForm? _form;
    private string? _status;
    private AlertPreview? _preview;
    private AlertHistoryPage? _history;
    private int _page = 1;
    private bool _busy;
    private string? _message;
    private bool _failed;

    [Inject]
    private AlertSettingsStore Settings { get; set; } = null!;

    [Inject]
    private AlertPreviewer Previewer { get; set; } = null!;

    [Inject]
    private AlertHistoryLog History { get; set; } = null!;

    [Inject]
    private IngestionMode Mode { get; set; } = null!;

    /// <summary>The guild whose alerts are shown.</summary>
    [Parameter, EditorRequired]
    public ulong GuildId { get; set; }

    private bool IsDemo => Mode.IsDemo;

    private int Pages => _history is null ? 1 : Math.Max(1, (_history.Total + HistoryPageSize - 1) / HistoryPageSize);

    protected override async Task OnParametersSetAsync()
    {
        _message = null;
        _page = 1;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var view = await Settings.GetAsync((long)GuildId, CancellationToken.None);
        if (view is null)
        {
            _form = null;
            Show("This guild is not in the store.", failed: true);
            return;
        }

        _form = AlertForm.Of(view);
        _status = view.Status == AlertsStatus.New && view.StatusMessage is null
            ? null
            : $"{StoredNames<AlertsStatus>.Text(view.Status)}{(view.StatusMessage is { } why ? $": {why}" : string.Empty)}";
        _history = await History.ReadAsync((long)GuildId, _page, HistoryPageSize, CancellationToken.None);
    }

    private async Task SaveAsync()
    {
        if (_form is null || Input(_form) is not { } input)
        {
            return;
        }

        await BusyAsync(async () =>
        {
            var outcome = await Settings.SetAsync((long)GuildId, input, CancellationToken.None);
            var (message, failed) = outcome switch
            {
                AlertSettingsUpdate.Saved => ($"Saved: alerts {(input.Enabled ? "on" : "off")}.", false),
                AlertSettingsUpdate.UnknownChannel => ("Not saved: that channel is not a channel of this server.", true),
                _ => ("This guild is not in the store.", true),
            };
            if (!failed)
            {
                _preview = null;
                await LoadAsync();
            }

            Show(message, failed);
        });
    }

    private Task PreviewAsync() => BusyAsync(async () =>
    {
        _preview = await Previewer.PreviewAsync((long)GuildId, CancellationToken.None);
        _message = null;
    });

    private async Task PageAsync(int step)
    {
        _page = Math.Clamp(_page + step, 1, Pages);
        _history = await History.ReadAsync((long)GuildId, _page, HistoryPageSize, CancellationToken.None);
    }

    /// <summary>The form as settings to save, or null (with the reason shown) when a field is not valid.</summary>
    private AlertSettingsInput? Input(AlertForm form)
    {
        if (!Id(form.ChannelId, out var channel) || !Id(form.RoleId, out var role))
        {
            Show("Not saved: the channel and role must be Discord ids (whole numbers), the role may be empty.", failed: true);
            return null;
        }

        if (!Whole(form.UnansweredHours, out var hours) || !Whole(form.BacklogThreshold, out var threshold) || !Whole(form.DropPercent, out var percent)
            || !Hour(form.QuietStart, out var quietStart) || !Hour(form.QuietEnd, out var quietEnd))
        {
            Show("Not saved: hours, counts and percentages must be whole numbers.", failed: true);
            return null;
        }

        var input = new AlertSettingsInput(form.Enabled, channel, role, form.UnansweredEnabled, hours, form.BacklogEnabled, threshold,
            form.DropEnabled, percent, form.DropDays, quietStart, quietEnd);
        if (AlertsValidation.Check((long)GuildId, input) is { } problem)
        {
            Show($"Not saved: {problem.Reason}", failed: true);
            return null;
        }

        return input;
    }

    private static bool Id(string? text, out long? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        id = ok ? value : null;
        return ok;
    }

    private static bool Whole(string? text, out int value) => int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool Hour(string? text, out int? hour)
    {
        hour = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = Whole(text, out var value);
        hour = ok ? value : null;
        return ok;
    }

    private async Task BusyAsync(Func<Task> work)
    {
        _busy = true;
        try
        {
            await work();
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(string message, bool failed) => (_message, _failed) = (message, failed);

    private static string KindText(AlertKind kind) => kind switch
    {
        AlertKind.Unanswered => "unanswered",
        AlertKind.Backlog => "backlog",
        AlertKind.Drop => "message drop",
        _ => StoredNames<AlertKind>.Text(kind),
    };

    private static string ResultText(AlertResult result) => StoredNames<AlertResult>.Text(result);

    /// <summary>The settings as edited: numbers as typed, checked on save.</summary>
    private sealed class AlertForm
    {
        public bool Enabled { get; set; }

        public string ChannelId { get; set; } = string.Empty;

        public string RoleId { get; set; } = string.Empty;

        public bool UnansweredEnabled { get; set; }

        public string UnansweredHours { get; set; } = string.Empty;

        public bool BacklogEnabled { get; set; }

        public string BacklogThreshold { get; set; } = string.Empty;

        public bool DropEnabled { get; set; }

        public string DropPercent { get; set; } = string.Empty;

        public int DropDays { get; set; }

        public string QuietStart { get; set; } = string.Empty;

        public string QuietEnd { get; set; } = string.Empty;

        public static AlertForm Of(AlertSettingsView view) => new()
        {
            Enabled = view.Enabled,
            ChannelId = view.ChannelId ?? string.Empty,
            RoleId = view.MentionRoleId ?? string.Empty,
            UnansweredEnabled = view.UnansweredEnabled,
            UnansweredHours = view.UnansweredHours.ToString(CultureInfo.InvariantCulture),
            BacklogEnabled = view.BacklogEnabled,
            BacklogThreshold = view.BacklogThreshold.ToString(CultureInfo.InvariantCulture),
            DropEnabled = view.DropEnabled,
            DropPercent = view.DropPercent.ToString(CultureInfo.InvariantCulture),
            DropDays = view.DropDays,
            QuietStart = view.QuietStartHour?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            QuietEnd = view.QuietEndHour?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }
}
