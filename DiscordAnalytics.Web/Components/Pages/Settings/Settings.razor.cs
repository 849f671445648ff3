using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DiscordAnalytics.Web.Components.Pages.Settings;

/// <summary>
/// Per-guild settings (<c>/settings?guildId=</c>): history backfill and raw-event retention. Without a
/// guildId (or with an unknown one) the first guild is shown, with a notice for an unknown one. A picked guild is
/// shown at once and written into the address by the browser (replacing the entry, as on the dashboard), and only
/// while the browser is still on this page: a top-bar link clicked right after a pick wins.
/// </summary>
public sealed partial class Settings : IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();

    // The guild the address named when last seen, and the guild shown (the address's, or a pick not yet echoed back).
    private string? _addressGuildId;
    private string? _pickedGuildId;
    private IReadOnlyList<GuildInfo>? _guilds;
    private GuildInfo? _guild;
    private string? _guildNotice;

    // True once the circuit is live (after the first interactive render): controls act from then on, not on the prerendered HTML.
    private bool _interactive;

    /// <summary>The guild whose settings are shown (a Discord id), from the address.</summary>
    [SupplyParameterFromQuery(Name = "guildId")]
    public string? GuildId { get; set; }

    [Inject]
    private GuildsQuery Guilds { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private ILogger<Settings> Logger { get; set; } = default!;

    public void Dispose()
    {
        // Cancelled, not disposed: an address write still finishing may read its token afterwards.
        _lifetime.Cancel();
    }

    protected override void OnInitialized() => (_addressGuildId, _pickedGuildId) = (GuildId, GuildId);

    protected override async Task OnParametersSetAsync()
    {
        // The address moved on its own (Back, a link to another guild's settings): it names the guild again.
        if (GuildId != _addressGuildId)
        {
            (_addressGuildId, _pickedGuildId) = (GuildId, GuildId);
        }

        _guilds ??= await Guilds.ListAsync(CancellationToken.None);
        ShowPickedGuild();
    }

    private void ShowPickedGuild()
    {
        _guild = _guilds?.FirstOrDefault(g => g.GuildId == _pickedGuildId) ?? _guilds?.FirstOrDefault();
        _guildNotice = _pickedGuildId is not null && _guild?.GuildId != _pickedGuildId ? "That server is not known here; showing another one." : null;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    /// <summary>
    /// Shows the picked guild now, then puts it into the address in the browser. Not Navigation.NavigateTo: it lands
    /// one round trip later and would take a person who clicked a top-bar link meanwhile back to Settings.
    /// </summary>
    private async Task OnGuildSelectedAsync(string guildId)
    {
        // Its echo from the address is then no change.
        (_addressGuildId, _pickedGuildId) = (guildId, guildId);
        ShowPickedGuild();
        var here = Navigation.Uri;
        var next = Navigation.GetUriWithQueryParameter("guildId", guildId);
        await BrowserAddress.ReplaceIfStillAtAsync(Js, here, next, Logger, _lifetime.Token);
    }

    private string GuildName(string? guildId) => _guilds?.FirstOrDefault(g => g.GuildId == guildId)?.Name ?? string.Empty;
}
