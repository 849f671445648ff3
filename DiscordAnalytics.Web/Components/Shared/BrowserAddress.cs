using Microsoft.JSInterop;

namespace DiscordAnalytics.Web.Components.Shared;

/// <summary>
/// Writes a page's own address (a picked guild, a window) in the browser via wwwroot/js/address.js, and only while
/// the browser is still on that page. A server-side <c>NavigationManager.NavigateTo</c> lands one round trip after
/// the pick and would override a link the person clicked meanwhile, taking them back to the page they left.
/// </summary>
public static class BrowserAddress
{
    /// <summary>
    /// Replaces the address (no new history entry) only while the browser is on the expected address or on the one
    /// this page wrote last, so quick successive picks all land.
    /// </summary>
    public const string ReplaceIfStillAtFunction = "discordAnalytics.replaceAddressIfStillAt";

    /// <summary>
    /// Replaces <paramref name="here"/> (the address the server last heard of) with <paramref name="next"/> if the
    /// browser is still there; false when it has moved on, is being left, or the circuit is gone.
    /// </summary>
    public static async Task<bool> ReplaceIfStillAtAsync(IJSRuntime js, string here, string next, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await js.InvokeAsync<bool>(ReplaceIfStillAtFunction, cancellationToken, here, next);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or OperationCanceledException)
        {
            // A closed circuit or a page already gone: the page still shows the pick, only the address stays as it was.
            logger.LogDebug(ex, "The address could not be written in the browser");
            return false;
        }
    }
}
