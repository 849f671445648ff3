using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="MemberRoleState"/> to <c>memberRoleStates</c>.</summary>
public sealed class MemberRoleStateConfiguration : IEntityTypeConfiguration<MemberRoleState>
{
    public void Configure(EntityTypeBuilder<MemberRoleState> builder)
    {
        builder.ToTable("memberRoleStates");
        builder.HasKey(x => new { x.GuildId, x.UserId });
    }
}
