using DiscordAnalytics.Core.Insights;

namespace DiscordAnalytics.Tests.Insights;

/// <summary>An opt-out list with fixed members, standing in for the opt-out setting that does not exist yet.</summary>
public sealed class FixedOptedOutMembers(params string[] members) : IOptedOutMembers
{
    public Task<IReadOnlySet<string>> ListAsync(string guildId, CancellationToken ct) => Task.FromResult<IReadOnlySet<string>>(members.ToHashSet());
}
