using DiscordAnalytics.Core.Loops.OfficeHours;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DiscordAnalytics.Web.Components.Cards;

/// <summary>
/// The scheduled announcement draft behind the insights' office-hours action (<see cref="OfficeHoursDraftQuery"/>), read
/// when opened (not with every insight) and copied to the clipboard on request.
/// </summary>
public sealed partial class OfficeHoursDraftPanel : ComponentBase
{
    private OfficeHoursDraft? _draft;
    private string? _error;
    private bool _open;
    private bool _loading;
    private bool _copied;

    /// <summary>The guild whose question activity is scheduled. Required.</summary>
    [Parameter, EditorRequired]
    public ulong GuildId { get; set; }

    [Inject]
    private OfficeHoursDraftQuery Drafts { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private ILogger<OfficeHoursDraftPanel> Logger { get; set; } = default!;

    private async Task ToggleAsync()
    {
        _open = !_open;
        if (!_open)
        {
            return;
        }

        // Read afresh on every opening: the busiest slot and its next start move with time.
        (_draft, _error, _copied, _loading) = (null, null, false, true);
        try
        {
            _draft = await Drafts.DraftAsync((long)GuildId, CancellationToken.None);
            _error = _draft is null ? "This server is not known to the store." : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Reading the office-hours draft of guild {GuildId} failed", GuildId);
            _error = "The draft could not be read. Try again.";
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task CopyAsync()
    {
        if (_draft?.Text is not { } text)
        {
            return;
        }

        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", text);
            _copied = true;
        }
        catch (JSException ex)
        {
            // A browser may refuse clipboard access (no permission, insecure origin): the text stays selectable.
            Logger.LogInformation(ex, "The browser refused to copy the office-hours draft");
        }
    }
}
