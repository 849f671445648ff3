using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

public static class SlashCommandsServiceCollectionExtensions
{
    /// <summary>
    /// Slash command settings and answers (the Settings preview uses them in every mode); with a Discord connection
    /// (<paramref name="hasDiscord"/>, not the demo) also the inbox the gateway hands INTERACTION_CREATE and READY to,
    /// the registrar and the service that answers; in the demo, members of the demo community typing commands, answered
    /// simulated (<see cref="DemoSlashCommands"/>).
    /// </summary>
    public static IServiceCollection AddSlashCommands(this IServiceCollection services, bool isDemo, bool hasDiscord)
    {
        services.AddOptions<SlashCommandsOptions>().BindConfiguration(SlashCommandsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SlashCommandSettingsStore>();
        services.AddSingleton<SlashCommandAnswers>();
        services.AddSingleton<SlashCommandRegistrations>();
        services.AddSingleton<SlashCommandLog>();
        if (!isDemo && hasDiscord)
        {
            services.AddSingleton<SlashCommandInbox>();
            services.AddSingleton<IFreshSessionObserver>(sp => sp.GetRequiredService<SlashCommandInbox>());
            services.AddSingleton<SlashCommandRegistrar>();
            services.AddSingleton<SlashInteractionResponder>();
            services.AddHostedService<SlashCommandService>();
        }
        else if (isDemo)
        {
            services.AddSingleton<DemoSlashCommands>();
            services.AddHostedService(sp => sp.GetRequiredService<DemoSlashCommands>());
        }

        return services;
    }
}
