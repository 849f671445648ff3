namespace DiscordAnalytics.Core.Insights;

/// <summary>Until an opt-out setting exists nobody has opted out.</summary>
public sealed class NoOptedOutMembers : IOptedOutMembers
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public Task<IReadOnlySet<string>> ListAsync(string guildId, CancellationToken ct) => Task.FromResult(None);
}
