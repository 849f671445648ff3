using DiscordAnalytics.Core.Insights;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Core.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Member opt-out: the settings service and the opted-out list insights read (before AddInsights, which only adds a default).</summary>
    public static IServiceCollection AddMemberPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<MemberPrivacySettings>();
        services.AddSingleton<ForgottenDigestScrubber>();
        services.AddSingleton<IOptedOutMembers, StoredOptedOutMembers>();
        return services;
    }
}
