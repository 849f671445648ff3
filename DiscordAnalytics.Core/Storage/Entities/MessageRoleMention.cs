namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// A role a message mentions (<c>messageRoleMentions</c>, from MESSAGE_CREATE <c>mention_roles</c>): kept for every role,
/// since which roles escalate is a setting applied when read. Who wrote it and whether it still counts is the message's
/// fact (<see cref="MessageFact"/>), so a delete or a forgotten author needs no change here.
/// </summary>
public sealed class MessageRoleMention
{
    public long GuildId { get; set; }

    public long MessageId { get; set; }

    public long RoleId { get; set; }
}
