using Microsoft.JSInterop;

namespace DiscordAnalytics.Web.Components.Pages.Dashboard;

/// <summary>
/// The dashboard's last shown guild, kept in the browser's local storage for visits without a guildId. Local storage
/// exists only once the circuit is interactive (never while prerendering); where it is blocked or the circuit is gone,
/// nothing is remembered and the address and the first guild still work.
/// </summary>
public sealed class RememberedGuild(IJSRuntime js, ILogger logger)
{
    /// <summary>Local storage key of the last shown guild.</summary>
    public const string StorageKey = "da.guildId";

    private string? _saved;

    /// <summary>True once local storage has been read (or found unavailable).</summary>
    public bool Checked { get; private set; }

    /// <summary>The guild local storage held when it was read; null when none (or before <see cref="ReadAsync"/>).</summary>
    public string? GuildId { get; private set; }

    /// <summary>Reads the remembered guild; call it after the first interactive render.</summary>
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        GuildId = await TryAsync(() => js.InvokeAsync<string?>("localStorage.getItem", cancellationToken, StorageKey));
        Checked = true;
    }

    /// <summary>
    /// Remembers <paramref name="guildId"/> unless it is the one remembered last or storage has not been read yet;
    /// true when it wrote (whether or not the browser accepted it).
    /// </summary>
    public async Task<bool> RememberAsync(string guildId, CancellationToken cancellationToken)
    {
        if (!Checked || guildId == _saved)
        {
            return false;
        }

        _saved = guildId;
        await TryAsync(async () =>
        {
            await js.InvokeVoidAsync("localStorage.setItem", cancellationToken, StorageKey, guildId);
            return true;
        });
        return true;
    }

    private async Task<T?> TryAsync<T>(Func<ValueTask<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or OperationCanceledException)
        {
            logger.LogDebug(ex, "Local storage unavailable");
            return default;
        }
    }
}
