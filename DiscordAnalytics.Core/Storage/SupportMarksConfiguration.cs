using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// Maps the facts behind escalations and resolution (<c>escalationRoles</c>, <c>messageRoleMentions</c>,
/// <c>forumSolvedTags</c>, <c>threadTags</c>, <c>threadClosings</c>): small tables, each read by its key's prefix.
/// </summary>
public static class SupportMarksConfiguration
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EscalationRole>(e =>
        {
            e.ToTable("escalationRoles");
            e.HasKey(x => new { x.GuildId, x.RoleId });
        });

        modelBuilder.Entity<MessageRoleMention>(e =>
        {
            e.ToTable("messageRoleMentions");
            e.HasKey(x => new { x.GuildId, x.MessageId, x.RoleId });
            // Escalations read the mentions of the guild's escalation roles.
            e.HasIndex(x => new { x.GuildId, x.RoleId });
        });

        modelBuilder.Entity<ForumSolvedTag>(e =>
        {
            e.ToTable("forumSolvedTags");
            e.HasKey(x => new { x.GuildId, x.ChannelId, x.TagId });
        });

        modelBuilder.Entity<ThreadTagSeen>(e =>
        {
            e.ToTable("threadTags");
            e.HasKey(x => new { x.GuildId, x.ThreadId, x.TagId });
        });

        modelBuilder.Entity<ThreadClosing>(e =>
        {
            e.ToTable("threadClosings");
            e.HasKey(x => new { x.GuildId, x.ThreadId, x.ClosedAt });
        });
    }
}
