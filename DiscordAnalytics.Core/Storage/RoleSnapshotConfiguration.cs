using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="RoleSnapshot"/> to <c>roleSnapshots</c> (one row per guild).</summary>
public sealed class RoleSnapshotConfiguration : IEntityTypeConfiguration<RoleSnapshot>
{
    public void Configure(EntityTypeBuilder<RoleSnapshot> builder)
    {
        builder.ToTable("roleSnapshots");
        builder.HasKey(x => x.GuildId);
        builder.Property(x => x.GuildId).ValueGeneratedNever();
    }
}
