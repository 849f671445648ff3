using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace DiscordAnalytics.Web.Components.Pages.Settings;

/// <summary>
/// Per-guild settings (<c>/settings?guildId=</c>): history backfill, time zone, help channels, member privacy and
/// raw-event retention. The guild is chosen by <see cref="GuildSelection"/>'s rules (shared with the dashboard and
/// Digests); without a guildId the first guild is shown and the address is left alone. A pick is shown at once and
/// written into the address by the browser, only while the browser is still on this page.
/// </summary>
public sealed partial class Settings : IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();

    // The guild whose panels are shown (the selection's guild once resolved).
    private GuildInfo? _guild;

    // True once the circuit is live (after the first interactive render): controls act from then on, not on the prerendered HTML.
    private bool _interactive;

    /// <summary>The guild whose settings are shown (a Discord id), from the address.</summary>
    [SupplyParameterFromQuery(Name = "guildId")]
    public string? GuildId { get; set; }

    [Inject]
    private GuildSelection Selection { get; set; } = default!;

    public void Dispose()
    {
        // Cancelled, not disposed: an address write still finishing may read its token afterwards.
        _lifetime.Cancel();
    }

    protected override async Task OnParametersSetAsync()
    {
        Selection.FollowAddress(GuildId);
        if (Selection.Listed is null)
        {
            await Selection.LoadAsync(CancellationToken.None);
        }

        await ShowRequestedGuildAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task ShowRequestedGuildAsync()
    {
        // Not cancelled with the page, as the list read: a lookup by id is one short query.
        if (await Selection.ShowRequestedAsync(null, CancellationToken.None))
        {
            _guild = Selection.Guild;
        }
    }

    /// <summary>Shows the picked guild now, then puts it into the address in the browser.</summary>
    private async Task OnGuildPickedAsync(string guildId)
    {
        Selection.Pick(guildId);
        await ShowRequestedGuildAsync();
        await Selection.WriteGuildIntoAddressAsync(guildId, _lifetime.Token);
    }
}
