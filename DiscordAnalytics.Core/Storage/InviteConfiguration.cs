using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="Invite"/> to <c>invites</c>: a guild's invites are a range of the key, and there are few.</summary>
public sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> builder)
    {
        builder.ToTable("invites");
        builder.HasKey(x => new { x.GuildId, x.Code });
        builder.Property(x => x.Code).HasMaxLength(100);
    }
}
