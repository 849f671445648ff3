namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// A help thread or question of the window that its asker escalated (<see cref="SupportSignalsQuery"/> documents the
/// rule). Never names a member; <paramref name="Name"/> (a thread's title) is null for a question and for a thread a
/// hidden member started, since its title is their words.
/// </summary>
/// <param name="Kind"><c>thread</c> or <c>question</c>.</param>
/// <param name="Id">The thread's id, or the question's message id.</param>
/// <param name="ChannelId">The help channel (a thread's parent).</param>
/// <param name="At">When it escalated (epoch ms): the asker's message that did it.</param>
/// <param name="Reason"><c>roleMention</c> (mentioned an escalation role) or <c>askedAgain</c> (posted again after the escalation period with no answer).</param>
public sealed record SupportEscalation(string Kind, string Id, string ChannelId, string Channel, string? Name, long At, string Reason, string JumpUrl)
{
    public const string Thread = "thread";
    public const string Question = "question";
    public const string RoleMention = "roleMention";
    public const string AskedAgain = "askedAgain";
}
