using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Stores a member's name and bot flag (metadata: never counted), and their roles when the event lists them.</summary>
internal sealed class MemberUpsertHandler(WriteContext context)
{
    public void Apply(MemberSeen member)
    {
        context.Sql.UpsertMember.Defer(member.Guild, member.User, member.Name, member.IsBot);
        if (member.Roles is { } roles)
        {
            context.Roles.Observe(member.Guild, member.User, roles, member.At, joined: false);
        }
    }
}
