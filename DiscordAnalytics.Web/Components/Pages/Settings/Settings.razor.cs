using DiscordAnalytics.Core.Analytics;
using Microsoft.AspNetCore.Components;

namespace DiscordAnalytics.Web.Components.Pages.Settings;

/// <summary>
/// Per-guild settings (<c>/settings?guildId=</c>): history backfill and raw-event retention. Without a
/// guildId (or with an unknown one) the first guild is shown, with a notice for an unknown one.
/// </summary>
public sealed partial class Settings
{
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

    protected override async Task OnParametersSetAsync()
    {
        _guilds ??= await Guilds.ListAsync(CancellationToken.None);
        _guild = _guilds.FirstOrDefault(g => g.GuildId == GuildId) ?? _guilds.FirstOrDefault();
        _guildNotice = GuildId is not null && _guild?.GuildId != GuildId ? "That server is not known here; showing another one." : null;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private void OnGuildSelected(string guildId) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("guildId", guildId));

    private string GuildName(string? guildId) => _guilds?.FirstOrDefault(g => g.GuildId == guildId)?.Name ?? string.Empty;
}
