using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// Maps <see cref="MemberRoleSpan"/> to <c>memberRoleSpans</c>. The key serves the writer (a member's open spans); the
/// role index serves the role filter (one role's holders in a window), the same index the Roles card reads a guild by.
/// </summary>
public sealed class MemberRoleSpanConfiguration : IEntityTypeConfiguration<MemberRoleSpan>
{
    public void Configure(EntityTypeBuilder<MemberRoleSpan> builder)
    {
        builder.ToTable("memberRoleSpans");
        builder.HasKey(x => new { x.GuildId, x.UserId, x.RoleId, x.FromAt });
        builder.HasIndex(x => new { x.GuildId, x.RoleId, x.FromAt }).HasDatabaseName("IX_memberRoleSpans_role");
    }
}
