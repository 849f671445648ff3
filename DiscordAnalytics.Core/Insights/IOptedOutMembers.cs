namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// Members whose activity must never reach a model: the hidden and forgotten members of Settings' member privacy
/// (Privacy.StoredOptedOutMembers). <see cref="InsightPayload"/> drops these members before a generator sees the summary.
/// </summary>
public interface IOptedOutMembers
{
    /// <summary>Discord user ids (strings, as in the summary) of the guild's members who opted out.</summary>
    Task<IReadOnlySet<string>> ListAsync(string guildId, CancellationToken ct);
}
