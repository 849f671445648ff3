using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DiscordAnalytics.Core.Insights;

public static class InsightsServiceCollectionExtensions
{
    /// <summary>
    /// <c>Ai</c> options, the offline generator, the configured generator (<see cref="AiInsightGenerator"/>, which is
    /// the offline one unless <c>Ai:Provider</c> names a model) and the cached <see cref="InsightsService"/>.
    /// Needs <see cref="Analytics.SummaryQuery"/> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddOptions<AiOptions>().BindConfiguration(AiOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.HasKnownProvider, "Ai:Provider must be one of Offline, AzureOpenAI, OpenAI.")
            .Validate(o => !o.HasKnownProvider || o.HasValidEndpoint, "Ai:Endpoint must be an absolute http(s) URL (AzureOpenAI and OpenAI need one), e.g. https://NAME.openai.azure.com/ or http://localhost:11434/v1.")
            .ValidateOnStart();
        services.AddSingleton<OfflineInsightGenerator>();
        services.TryAddSingleton<IOptedOutMembers, NoOptedOutMembers>();
        services.AddSingleton<IInsightGenerator, AiInsightGenerator>();
        services.AddSingleton<InsightsService>();
        return services;
    }
}
