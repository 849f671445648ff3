namespace DiscordAnalytics.Core.Insights;

/// <summary>Nobody opted out: the default for hosts without member privacy (tests of the insights alone).</summary>
public sealed class NoOptedOutMembers : IOptedOutMembers
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public Task<IReadOnlySet<string>> ListAsync(string guildId, CancellationToken ct) => Task.FromResult(None);
}
