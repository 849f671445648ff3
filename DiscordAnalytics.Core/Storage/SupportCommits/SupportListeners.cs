namespace DiscordAnalytics.Core.Storage.SupportCommits;

/// <summary>
/// Hands each commit to every copy kept in memory (the support signals' items, the mentors): the writer takes one
/// listener. Each listener never fails the writer on its own.
/// </summary>
public sealed class SupportListeners(params ISupportListener[] listeners) : ISupportListener
{
    public void Committed(IReadOnlyList<SupportCommit> commits)
    {
        foreach (var listener in listeners)
        {
            listener.Committed(commits);
        }
    }
}
