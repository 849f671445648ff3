namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// Members whose activity must never reach a model. There is no opt-out setting yet (<see cref="NoOptedOutMembers"/>);
/// this is the seam it plugs into: <see cref="InsightPayload"/> drops these members before a generator sees the summary.
/// </summary>
public interface IOptedOutMembers
{
    /// <summary>Discord user ids (strings, as in the summary) of the guild's members who opted out.</summary>
    Task<IReadOnlySet<string>> ListAsync(string guildId, CancellationToken ct);
}
