using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// Maps <see cref="MemberJoin"/> to <c>memberJoins</c>. Keyed by member, as the writer finds a member's stays (a leave, a
/// rejoin, a post of an earlier stay); the Invites card reads a window of joins, a range of the second index.
/// </summary>
public sealed class MemberJoinConfiguration : IEntityTypeConfiguration<MemberJoin>
{
    public void Configure(EntityTypeBuilder<MemberJoin> builder)
    {
        builder.ToTable("memberJoins");
        builder.HasKey(x => new { x.GuildId, x.UserId, x.JoinedAt });
        builder.Property(x => x.InviteCode).HasMaxLength(100);
        builder.HasIndex(x => new { x.GuildId, x.JoinedAt }).HasDatabaseName("IX_memberJoins_joined");
    }
}
