using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

public static class ActivityRolesServiceCollectionExtensions
{
    /// <summary>
    /// Role rules, preview, apply and the change log. Changes go to Discord's REST client in live mode
    /// (<paramref name="hasDiscord"/>), to the demo community's own roles in demo mode, and nowhere without either.
    /// </summary>
    public static IServiceCollection AddActivityRoles(this IServiceCollection services, bool isDemo, bool hasDiscord)
    {
        services.AddSingleton<RoleRulesSettings>();
        services.AddSingleton<RoleRulePlanner>();
        services.AddSingleton<RoleRulePreviewer>();
        services.AddSingleton<RoleChangeLog>();
        services.AddSingleton<AssignableRolesQuery>();
        if (isDemo)
        {
            services.AddSingleton<DemoMemberRoles>();
            services.AddSingleton<IMemberRoleActions>(sp => sp.GetRequiredService<DemoMemberRoles>());
            services.AddHostedService<DemoRoleRules>();
        }
        else if (hasDiscord)
        {
            services.AddSingleton<IMemberRoleActions>(sp => new DiscordMemberRoleActions(sp.GetRequiredService<DiscordRestClient>()));
        }

        services.AddSingleton<RoleRuleApplier>();
        return services;
    }
}
