using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Insights;
using Microsoft.AspNetCore.Components;

namespace DiscordAnalytics.Web.Components.Cards;

/// <summary>
/// Shows the cached insights of <see cref="Query"/> and generates them when asked. Not a <see cref="LiveCardBase{TData}"/>:
/// a live refresh must not call a model. A generation in flight is cancelled when the question changes or the card
/// goes away; failures of the model are inside the report (fallback reason), anything else is a short message.
/// </summary>
public sealed partial class InsightsCard : ComponentBase, IDisposable
{
    private CancellationTokenSource? _generation;
    private AnalyticsQuery? _shownQuery;
    private GeneratedInsights? _result;
    private string? _error;
    private bool _generating;

    /// <summary>The guild and window to explain. Required.</summary>
    [Parameter, EditorRequired]
    public AnalyticsQuery Query { get; set; } = default!;

    [Inject]
    private InsightsService Insights { get; set; } = default!;

    [Inject]
    private ILogger<InsightsCard> Logger { get; set; } = default!;

    public void Dispose() => CancelGeneration();

    protected override void OnParametersSet()
    {
        if (Query is null || Equals(Query, _shownQuery))
        {
            return;
        }

        // Another guild or window: drop a generation for the old one and show what is cached for the new one.
        CancelGeneration();
        _shownQuery = Query;
        _generating = false;
        _error = null;
        _result = Insights.Cached(Query);
    }

    private async Task GenerateAsync()
    {
        var query = Query;
        if (query is null || _generating)
        {
            return;
        }

        CancelGeneration();
        var generation = new CancellationTokenSource();
        _generation = generation;
        _generating = true;
        _error = null;
        try
        {
            var result = await Task.Run(() => Insights.GenerateAsync(query, generation.Token), generation.Token);
            if (!generation.IsCancellationRequested)
            {
                _result = result;
                _error = result is null ? "No data for this server yet." : null;
            }
        }
        catch (OperationCanceledException) when (generation.IsCancellationRequested)
        {
            // The question changed or the card went away.
        }
        catch (Exception ex) when (!generation.IsCancellationRequested)
        {
            Logger.LogError(ex, "Insights failed for guild {GuildId}", query.GuildId);
            _error = "Could not generate insights right now. Try again in a moment.";
        }
        finally
        {
            if (ReferenceEquals(_generation, generation))
            {
                _generating = false;
            }
        }
    }

    private void CancelGeneration()
    {
        _generation?.Cancel();
        _generation?.Dispose();
        _generation = null;
    }

    private static string ProviderText(InsightReport report) => report.Generator switch
    {
        OfflineInsightGenerator.Name => "by the offline rules",
        nameof(AiProvider.AzureOpenAI) => "by Azure OpenAI",
        nameof(AiProvider.OpenAI) => "by the OpenAI-compatible model",
        var other => $"by {other}",
    } + (report.ModelCalls == 2 && report.FallbackReason is null ? " (second attempt)" : string.Empty);

    private static string DraftKind(ActionDraftKind kind) => kind switch
    {
        ActionDraftKind.Announcement => "Announcement",
        ActionDraftKind.WeeklyChallenge => "Weekly challenge",
        ActionDraftKind.OfficeHours => "Office hours",
        _ => kind.ToString(),
    };
}
