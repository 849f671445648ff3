using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Web.Components.Shared;
using DiscordAnalytics.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace DiscordAnalytics.Web.Components.Pages.Dashboard;

/// <summary>
/// The default page: guild switcher, window selector and the cards. The address is the source of truth
/// (<c>?guildId=&amp;window=7d|30d|90d|custom&amp;start=&amp;end=</c>); the last chosen guild is also kept in
/// local storage for visits without a guildId. Invalid window parameters fall back to the last 7 days
/// with a notice, following exactly the rules of the HTTP API.
/// </summary>
public sealed partial class Dashboard : IDisposable
{
    /// <summary>Local storage key of the last selected guild.</summary>
    internal const string StorageKey = "da.guildId";

    /// <summary>
    /// How often the ingestion lag is read again. Committed batches refresh it too, but a stalled writer
    /// (a locked store file) commits nothing, and that is exactly when the lag matters.
    /// </summary>
    internal static readonly TimeSpan LagPollInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _lifetime = new();

    // What the address asked for (last seen), and the texts the page currently works from.
    private (string? Guild, string? Window, string? Start, string? End)? _seenAddress;
    private string? _requestedGuildId;
    private string? _windowText;
    private string? _startText;
    private string? _endText;

    private IReadOnlyList<GuildInfo>? _guilds;
    private string? _guildsError;
    private string? _storedGuildId;
    private bool _storageChecked;
    private string? _savedGuildId;

    private GuildInfo? _guild;
    private AnalyticsQuery? _query;
    private string _windowChoice = "7d";
    private DateRange? _range;
    private string? _windowNotice;
    private string? _guildNotice;
    private DateTimeOffset? _updatedAt;
    private int _lag;
    private ITimer? _lagTimer;
    private bool _disposed;

    /// <summary>The guild to show (a Discord id), from the address.</summary>
    [SupplyParameterFromQuery(Name = "guildId")]
    public string? GuildId { get; set; }

    /// <summary><c>7d</c>, <c>30d</c>, <c>90d</c> or <c>custom</c>, from the address.</summary>
    [SupplyParameterFromQuery(Name = "window")]
    public string? Window { get; set; }

    /// <summary>First day (YYYY-MM-DD, UTC) of a custom window, from the address.</summary>
    [SupplyParameterFromQuery(Name = "start")]
    public string? Start { get; set; }

    /// <summary>Last day (YYYY-MM-DD, UTC, included) of a custom window, from the address.</summary>
    [SupplyParameterFromQuery(Name = "end")]
    public string? End { get; set; }

    [Inject]
    private GuildsQuery Guilds { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IOptions<DiscordOptions> Discord { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private DashboardLiveUpdates Live { get; set; } = default!;

    [Inject]
    private IIngestionStatus Pipeline { get; set; } = default!;

    [Inject]
    private ILogger<Dashboard> Logger { get; set; } = default!;

    private DateOnly Today => DayBucket.ToDate(DayBucket.Of(Time.GetUtcNow().ToUnixTimeMilliseconds()));

    private static DateTime MinPickable => new(2015, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private string WindowCaption => _query is null
        ? string.Empty
        : $"{_query.Window.FirstDate.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)} – {_query.Window.LastDate.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)} (UTC) · {_query.Window.Length} days";

    private IEnumerable<(string TestId, string Text)> Notices
    {
        get
        {
            if (_guildNotice is not null)
            {
                yield return ("guild-notice", _guildNotice);
            }

            if (_windowNotice is not null)
            {
                yield return ("window-notice", _windowNotice);
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _lagTimer?.Dispose();
        Live.Refresh -= OnLiveRefresh;
        // Cancelled, not disposed: a load or JS call still finishing may read its token afterwards.
        _lifetime.Cancel();
    }

    protected override async Task OnInitializedAsync()
    {
        Live.Refresh += OnLiveRefresh;
        _lag = Pipeline.QueueLength;
        _lagTimer = Time.CreateTimer(_ => OnLagTick(), null, LagPollInterval, LagPollInterval);
        await LoadGuildsAsync();
    }

    protected override void OnParametersSet()
    {
        var address = (GuildId, Window, Start, End);
        if (_seenAddress != address)
        {
            _seenAddress = address;
            (_requestedGuildId, _windowText, _startText, _endText) = address;
        }

        Recompute();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // Local storage exists only once the circuit is interactive (never while prerendering).
            _storedGuildId = await TryJsAsync(() => Js.InvokeAsync<string?>("localStorage.getItem", _lifetime.Token, StorageKey));
            _storageChecked = true;
            Recompute();
            StateHasChanged();
            return;
        }

        if (_storageChecked && _guild is not null && _guild.GuildId != _savedGuildId)
        {
            _savedGuildId = _guild.GuildId;
            var guildId = _guild.GuildId;
            await TryJsAsync(async () =>
            {
                await Js.InvokeVoidAsync("localStorage.setItem", _lifetime.Token, StorageKey, guildId);
                return true;
            });
            // Gone while storage answered: the person has clicked away (the router disposed this page), and
            // writing the dashboard's address now would take them back to it.
            if (string.IsNullOrEmpty(_requestedGuildId) && !_lifetime.IsCancellationRequested)
            {
                // Put the guild that came from storage or the fallback into the address, so it can be
                // shared; the window parameters stay exactly as they were (a notice about them included).
                // Not Navigation.NavigateTo(replace): it would overwrite a link clicked in the meantime
                // (clicks are handled in the browser first); the browser replaces only if still here.
                _requestedGuildId = guildId;
                _seenAddress = (guildId, _windowText, _startText, _endText);
                var here = Navigation.Uri;
                var next = Navigation.GetUriWithQueryParameter("guildId", guildId);
                await BrowserAddress.ReplaceIfStillAtAsync(Js, here, next, Logger, _lifetime.Token);
            }
        }
    }

    private async Task LoadGuildsAsync()
    {
        try
        {
            _guilds = await Task.Run(() => Guilds.ListAsync(_lifetime.Token), _lifetime.Token);
            _guildsError = null;
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Listing guilds for the dashboard failed");
            _guildsError = "Could not read the list of servers. It retries with the next update.";
        }
    }

    /// <summary>Derives the selected guild, the window and the cards' query from the current texts.</summary>
    private void Recompute()
    {
        var today = DayBucket.Of(Time.GetUtcNow().ToUnixTimeMilliseconds());
        AnalyticsWindow window;
        if (AnalyticsQueryParser.TryParse(0, _windowText, _startText, _endText, null, today, false, out var parsed, out var error))
        {
            window = parsed.Window;
            _windowNotice = null;
        }
        else
        {
            window = AnalyticsWindow.Last(7, today);
            _windowNotice = $"The address has an invalid {error!.Parameter}: {error.Reason} Showing the last 7 days instead.";
        }

        _windowChoice = window.Kind switch
        {
            WindowKind.Last30Days => "30d",
            WindowKind.Last90Days => "90d",
            WindowKind.Custom => "custom",
            _ => "7d",
        };
        _range = new DateRange(window.FirstDate.ToDateTime(TimeOnly.MinValue), window.LastDate.ToDateTime(TimeOnly.MinValue));

        _guild = PickGuild();
        var query = _guild is null || Snowflake.TryParse(_guild.GuildId) is not { } id
            ? null
            : new AnalyticsQuery(id, window, AnalyticsQuery.DefaultTop, Discord.Value.IncludeBots);
        if (!Equals(query, _query))
        {
            _query = query;
            _updatedAt = query is null ? null : Time.GetUtcNow();
        }
    }

    private GuildInfo? PickGuild()
    {
        _guildNotice = null;
        if (_guilds is not { Count: > 0 } guilds)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(_requestedGuildId))
        {
            var requested = guilds.FirstOrDefault(g => g.GuildId == _requestedGuildId);
            if (requested is null)
            {
                _guildNotice = $"No data for server {_requestedGuildId}. Showing {guilds[0].Name} instead.";
            }

            return requested ?? guilds[0];
        }

        // Without a guild in the address, wait for local storage once the page is interactive.
        if (!_storageChecked)
        {
            return null;
        }

        return guilds.FirstOrDefault(g => g.GuildId == _storedGuildId) ?? guilds[0];
    }

    private Task OnGuildSelectedAsync(string guildId)
    {
        _requestedGuildId = guildId;
        Recompute();
        return WriteAddressAsync();
    }

    private Task OnWindowSelectedAsync(string choice)
    {
        if (choice == "custom")
        {
            // Start from the dates on screen; the picker then narrows or widens them.
            var window = _query?.Window ?? AnalyticsWindow.Last(7, DayBucket.FromDate(Today));
            (_windowText, _startText, _endText) = ("custom", Format(window.FirstDate), Format(window.LastDate));
        }
        else
        {
            (_windowText, _startText, _endText) = (choice, null, null);
        }

        Recompute();
        return WriteAddressAsync();
    }

    private Task OnRangeSelectedAsync(DateRange? range)
    {
        if (range?.Start is not { } start || range.End is not { } end)
        {
            return Task.CompletedTask;
        }

        (_windowText, _startText, _endText) = ("custom", Format(DateOnly.FromDateTime(start)), Format(DateOnly.FromDateTime(end)));
        Recompute();
        return WriteAddressAsync();
    }

    /// <summary>
    /// Replaces the address with the current selection (no new history entry, no reload), in the browser and only
    /// while it is still on this dashboard: a link clicked within the round trip of the pick wins (a server-side
    /// NavigateTo(replace) would take the person back here).
    /// </summary>
    private async Task WriteAddressAsync()
    {
        var guild = _requestedGuildId ?? _guild?.GuildId;
        var custom = _windowChoice == "custom" && _query is not null;
        var window = _windowNotice is null ? _windowText : _windowChoice;
        var start = custom ? Format(_query!.Window.FirstDate) : null;
        var end = custom ? Format(_query!.Window.LastDate) : null;
        (_windowText, _startText, _endText) = (window, start, end);
        _seenAddress = (guild, window, start, end);
        Recompute();
        var uri = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["guildId"] = guild,
            ["window"] = window,
            ["start"] = start,
            ["end"] = end,
        });
        var here = Navigation.Uri;
        await BrowserAddress.ReplaceIfStillAtAsync(Js, here, uri, Logger, _lifetime.Token);
    }

    private void OnLagTick()
    {
        var lag = Pipeline.QueueLength;
        if (_disposed || lag == _lag)
        {
            return;
        }

        _ = InvokeAsync(() =>
        {
            if (!_disposed)
            {
                _lag = lag;
                StateHasChanged();
            }
        });
    }

    private void OnLiveRefresh(IReadOnlySet<ulong> changed)
    {
        if (!_disposed)
        {
            _ = RefreshAsync(changed);
        }
    }

    private async Task RefreshAsync(IReadOnlySet<ulong> changed)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                if (_disposed)
                {
                    return;
                }

                // A guild we have not listed yet (or the very first one): read the list again.
                if (_guilds is null || _guildsError is not null || changed.Any(id => !_guilds.Any(g => g.GuildId == id.ToString(CultureInfo.InvariantCulture))))
                {
                    await LoadGuildsAsync();
                }

                // Recomputing also rolls the window over at midnight UTC.
                Recompute();
                if (_query is not null && changed.Contains(_query.GuildId))
                {
                    _updatedAt = Time.GetUtcNow();
                }

                _lag = Pipeline.QueueLength;
                StateHasChanged();
            });
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // The circuit closed between the notification and the refresh.
        }
    }

    private async Task<T?> TryJsAsync<T>(Func<ValueTask<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or OperationCanceledException)
        {
            // Storage blocked, prerendering or a closed circuit: the address and the first guild still work.
            Logger.LogDebug(ex, "Local storage unavailable");
            return default;
        }
    }

    private string GuildName(string? guildId) =>
        _guilds?.FirstOrDefault(g => g.GuildId == guildId)?.Name ?? guildId ?? string.Empty;

    private static Color ModeColor(string mode) => mode == "live" ? Color.Success : Color.Info;

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
