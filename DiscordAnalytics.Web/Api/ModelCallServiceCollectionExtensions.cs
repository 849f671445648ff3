namespace DiscordAnalytics.Web.Api;

public static class ModelCallServiceCollectionExtensions
{
    /// <summary>The per-guild gate of the model-calling API routes, with its <c>Ai:CallsPerGuildPerMinute</c> setting checked at start.</summary>
    public static IServiceCollection AddModelCallGate(this IServiceCollection services)
    {
        services.AddOptions<ModelCallOptions>().BindConfiguration(ModelCallOptions.Section)
            .Validate(o => o.CallsPerGuildPerMinute is >= 1 and <= 600, "Ai:CallsPerGuildPerMinute must be between 1 and 600.")
            .ValidateOnStart();
        services.AddSingleton<ModelCallGate>();
        return services;
    }
}
