using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.WarmUp;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace DiscordAnalytics.Web.WarmUp;

/// <summary>
/// Renders the dashboard once after the start, before anyone opens it, so the first visitor does not pay for what a
/// process does the first time: the pages' and MudBlazor's components compiled, their first render, each card's own
/// code over the data. It waits for the background warm-up's first pass (<see cref="KeptWindowsWarmUp.FirstPass"/>: the
/// cards' figures are kept by then), then renders the dashboard of the guild a visitor without a <c>guildId</c> is shown
/// (the first listed; none listed: nothing to render) with <see cref="RehearsalRenderer"/>, which shows it nowhere, and
/// lets it go. Once per start; a stop cancels it (the cards cancel their loads as on a closed tab). A failure is logged
/// and ends it: the first visitor then only waits longer.
/// </summary>
public sealed partial class DashboardRehearsal(
    KeptWindowsWarmUp warmUp,
    GuildsQuery guilds,
    IServiceScopeFactory scopes,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    ILogger<DashboardRehearsal> logger) : BackgroundService
{
    /// <summary>The <c>data-state</c> every card of the rehearsed dashboard has (loading, ready, empty, error).</summary>
    public const string CardStateAttribute = "data-state";

    // Only the address's query is read (the dashboard's guild); the host is never asked for anything.
    private static readonly Uri Site = new("http://localhost/");

    private readonly TaskCompletionSource<IReadOnlyList<string>?> _rehearsed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The cards' states once the rehearsal has rendered the dashboard; null when it had no guild to render or did not
    /// finish (stopped first, or failed).
    /// </summary>
    public Task<IReadOnlyList<string>?> Rehearsed => _rehearsed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<string>? states = null;
        try
        {
            await warmUp.FirstPass.WaitAsync(stoppingToken).ConfigureAwait(false);
            var listed = await guilds.ListAsync(stoppingToken).ConfigureAwait(false);
            if (listed.Count == 0)
            {
                LogNoGuild(logger);
                // Ended (logged below) with nothing rendered.
                return;
            }

            var started = time.GetTimestamp();
            states = await RenderAsync(scopes, loggerFactory, listed[0].GuildId, CardStateAttribute, stoppingToken).ConfigureAwait(false);
            LogRehearsed(logger, listed[0].GuildId, states.Count, states.Count(s => s is "ready" or "empty"), states.Count(s => s is not ("ready" or "empty")), (long)time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the first visitor came: nothing to finish.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Rehearsing the dashboard after the start failed; the first visitor's dashboard takes longer");
        }
        finally
        {
            _rehearsed.TrySetResult(states);
            LogEnded(logger);
        }
    }

    /// <summary>
    /// Renders the rehearsed page (<see cref="RehearsalPage"/>) of <paramref name="guildId"/> until every card has loaded, and
    /// returns the values of <paramref name="attribute"/> on the elements it rendered then.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> RenderAsync(
        IServiceScopeFactory scopes, ILoggerFactory loggerFactory, string guildId, string attribute, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // The dashboard reads its guild from the address, as a visitor's page does.
        var navigation = (IHostEnvironmentNavigationManager)scope.ServiceProvider.GetRequiredService<NavigationManager>();
        navigation.Initialize(Site.ToString(), new Uri(Site, $"?guildId={Uri.EscapeDataString(guildId)}").ToString());
        var renderer = new RehearsalRenderer(scope.ServiceProvider, loggerFactory);
        try
        {
            var root = await renderer.RenderAsync<RehearsalPage>().WaitAsync(cancellationToken).ConfigureAwait(false);
            return await renderer.ElementAttributeValuesAsync(root, attribute).ConfigureAwait(false);
        }
        finally
        {
            // Disposing the components cancels what they still load (a stop mid-render).
#pragma warning disable BL0006 // The renderer's own disposal (see RehearsalRenderer).
            await renderer.Dispatcher.InvokeAsync(async () => await renderer.DisposeAsync()).ConfigureAwait(false);
#pragma warning restore BL0006
        }
    }

    /// <summary>What the rehearsal logs when it ends, however it ends: <c>bench memory --store</c> waits for it.</summary>
    public const string EndedText = "Dashboard rehearsal after the start ended";

    [LoggerMessage(Level = LogLevel.Information, Message = EndedText)]
    private static partial void LogEnded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard of guild {GuildId} rehearsed: {Cards} cards, {Shown} shown (with data or empty), {NotShown} loading or failed, in {Milliseconds} ms")]
    private static partial void LogRehearsed(ILogger logger, string guildId, int cards, int shown, int notShown, long milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No guild to rehearse the dashboard with after the start")]
    private static partial void LogNoGuild(ILogger logger);
}
