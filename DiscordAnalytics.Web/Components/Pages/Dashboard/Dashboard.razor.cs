using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Web.Components.Shared;
using DiscordAnalytics.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace DiscordAnalytics.Web.Components.Pages.Dashboard;

/// <summary>
/// The default page: guild switcher, window selector, live line and the cards. The address is the source of truth
/// (<c>?guildId=&amp;window=7d|30d|90d|custom&amp;start=&amp;end=</c>). The guild follows
/// <see cref="GuildSelection"/>'s rules (shared with Digests and Settings); without a guildId the dashboard shows the
/// guild it remembers (<see cref="RememberedGuild"/>) and then writes that guild into the address, so it can be
/// shared. The window follows <see cref="DashboardWindow"/> (the HTTP API's rules). This page wires them together:
/// it puts picks into the address and re-reads the guild list and the window when live updates arrive.
/// </summary>
public sealed partial class Dashboard : IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private DashboardWindow _window = default!;
    private RememberedGuild _remembered = default!;
    private AnalyticsQuery? _query;
    private string? _guildsError;
    private bool _disposed;
    private string? _roleText;
    private string? _seenRoleAddress;
    private GuildRoles? _roles;
    private ulong? _rolesOf;
    private string? _roleNotice;

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

    /// <summary>The role whose holders the member-level cards show (a role id), from the address; none: everyone.</summary>
    [SupplyParameterFromQuery(Name = "roleId")]
    public string? RoleId { get; set; }

    /// <summary>The HTTP request while the page is prerendered for it; none once the circuit is live (<c>data-interactive</c>).</summary>
    [CascadingParameter]
    private HttpContext? PrerenderRequest { get; set; }

    [Inject]
    private GuildSelection Selection { get; set; } = default!;

    [Inject]
    private GuildRolesQuery GuildRolesQuery { get; set; } = default!;

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
    private ILogger<Dashboard> Logger { get; set; } = default!;

    private string WindowCaption => _query is null
        ? string.Empty
        : $"{_query.Window.FirstDate.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)} – {_query.Window.LastDate.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)} (UTC) · {_query.Window.Length} days";

    public void Dispose()
    {
        _disposed = true;
        Live.Refresh -= OnLiveRefresh;
        // Cancelled, not disposed: a load or JS call still finishing may read its token afterwards.
        _lifetime.Cancel();
    }

    protected override async Task OnInitializedAsync()
    {
        _window = new DashboardWindow(Time);
        _remembered = new RememberedGuild(Js, Logger);
        Live.Refresh += OnLiveRefresh;
        await LoadGuildsAsync();
    }

    protected override Task OnParametersSetAsync()
    {
        Selection.FollowAddress(GuildId);
        _window.FollowAddress(Window, Start, End);
        if (_seenRoleAddress != RoleId)
        {
            (_seenRoleAddress, _roleText) = (RoleId, RoleId);
        }

        return ShowAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await _remembered.ReadAsync(_lifetime.Token);
            await ShowAsync();
            StateHasChanged();
            return;
        }

        if (Selection.Guild is not { } guild || !await _remembered.RememberAsync(guild.GuildId, _lifetime.Token))
        {
            return;
        }

        // Gone while storage answered: the person has clicked away (the router disposed this page), and writing the
        // dashboard's address now would take them back to it.
        if (!Selection.HasRequest && !_lifetime.IsCancellationRequested)
        {
            // The guild came from storage or the fallback: into the address with it, so it can be shared; the window
            // parameters stay exactly as they were (a notice about them included).
            Selection.Pick(guild.GuildId);
            await Selection.WriteGuildIntoAddressAsync(guild.GuildId, _lifetime.Token);
        }
    }

    private async Task LoadGuildsAsync()
    {
        try
        {
            await Selection.LoadAsync(_lifetime.Token);
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

    /// <summary>Evaluates the window (today may have moved on), shows the requested guild and derives the cards' query.</summary>
    private async Task ShowAsync()
    {
        _window.Evaluate();
        // Without a guild in the address, the remembered one is known only once the page is interactive: wait for it.
        if (Selection.HasRequest || _remembered.Checked)
        {
            try
            {
                await Selection.ShowRequestedAsync(_remembered.GuildId, _lifetime.Token);
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Logger.LogError(ex, "Looking up the dashboard's guild failed");
                _guildsError = "Could not read the list of servers. It retries with the next update.";
            }
        }

        var query = Selection.Guild is { } guild && Snowflake.TryParse(guild.GuildId) is { } id
            ? new AnalyticsQuery(id, _window.Current, AnalyticsQuery.DefaultTop, Discord.Value.IncludeBots) { RoleId = await RoleOfAsync(id) }
            : null;
        if (!Equals(query, _query))
        {
            _query = query;
        }
    }

    /// <summary>The guild's roles (read once per guild shown) and the address's role when the guild has it; otherwise a notice and everyone.</summary>
    private async Task<ulong?> RoleOfAsync(ulong guild)
    {
        if (_rolesOf != guild)
        {
            try
            {
                _roles = await GuildRolesQuery.RunAsync(guild, _lifetime.Token);
                _rolesOf = guild;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogError(ex, "Listing the roles of guild {GuildId} failed", guild);
                _roles = null;
            }
        }

        _roleNotice = null;
        if (string.IsNullOrEmpty(_roleText))
        {
            return null;
        }

        if (_roles?.Roles.FirstOrDefault(r => r.RoleId == _roleText) is { } known)
        {
            return ulong.Parse(known.RoleId, CultureInfo.InvariantCulture);
        }

        _roleNotice = "The address names a role this server does not have (roleId). Showing everyone instead.";
        return null;
    }

    private string? RoleName => _query?.RoleId is { } role ? _roles?.Roles.FirstOrDefault(r => r.RoleId == role.ToString(CultureInfo.InvariantCulture))?.Name : null;

    private async Task OnRoleChosenAsync(string? roleId)
    {
        _roleText = roleId;
        await ShowAsync();
        await WriteAddressAsync();
    }

    private async Task OnGuildPickedAsync(string guildId)
    {
        // Roles are the guild's own: another guild's role would name nothing there.
        _roleText = null;
        Selection.Pick(guildId);
        await ShowAsync();
        await WriteAddressAsync();
    }

    private async Task OnWindowChosenAsync(string choice)
    {
        _window.Choose(choice);
        await ShowAsync();
        await WriteAddressAsync();
    }

    private async Task OnRangeChosenAsync(DateRange? range)
    {
        if (_window.ChooseRange(range))
        {
            await ShowAsync();
            await WriteAddressAsync();
        }
    }

    /// <summary>
    /// Replaces the address with the current selection (no new history entry, no reload), in the browser and only
    /// while it is still on this dashboard: a link clicked within the round trip of the pick wins (a server-side
    /// NavigateTo(replace) would take the person back here).
    /// </summary>
    private async Task WriteAddressAsync()
    {
        var guild = Selection.RequestedGuildId ?? Selection.Guild?.GuildId;
        var (window, start, end) = _window.TakeForAddress();
        Selection.Pick(guild);
        await ShowAsync();
        var next = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["guildId"] = guild,
            ["window"] = window,
            ["start"] = start,
            ["end"] = end,
            ["roleId"] = _query?.RoleId?.ToString(CultureInfo.InvariantCulture),
        });
        await BrowserAddress.ReplaceIfStillAtAsync(Js, Navigation.Uri, next, Logger, _lifetime.Token);
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
                if (Selection.Listed is null || _guildsError is not null || changed.Any(id => !Selection.IsListed(id.ToString(CultureInfo.InvariantCulture))))
                {
                    await LoadGuildsAsync();
                }

                // Showing again also rolls the window over at midnight UTC.
                await ShowAsync();
                StateHasChanged();
            });
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // The circuit closed between the notification and the refresh.
        }
    }
}
