namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>
/// Keeps what escalations and resolution read from a message create (its role mentions) and a channel event (a thread's
/// archive, lock and tags; a forum's solved tags). Every row it writes is idempotent, so a replay changes nothing.
/// </summary>
internal sealed class SupportMarksHandler(WriteContext context)
{
    public void Apply(IngestEvent e)
    {
        var guild = (long)e.GuildId;
        var marks = context.Support.Marks;
        if (e.Type == IngestEventType.MessageCreate)
        {
            if (e is { MentionedRoleIds: { } roles, MessageId: { } message })
            {
                marks.RoleMentions(guild, (long)message, roles);
            }

            return;
        }

        if (e.ChannelId is not { } channel)
        {
            return;
        }

        if (e.ThreadStatus is { } status)
        {
            marks.Thread(guild, (long)channel, status, e.EventAt);
        }

        if (e.SolvedTagIds is { } tags)
        {
            marks.ForumSolvedTags(guild, (long)channel, tags);
        }
    }
}
