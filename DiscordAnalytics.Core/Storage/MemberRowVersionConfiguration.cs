using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="MemberRowVersion"/> to <c>memberRowVersions</c>, one row per guild (its triggers are in the migration of each provider).</summary>
public sealed class MemberRowVersionConfiguration : IEntityTypeConfiguration<MemberRowVersion>
{
    public void Configure(EntityTypeBuilder<MemberRowVersion> builder)
    {
        builder.ToTable("memberRowVersions");
        builder.HasKey(x => x.GuildId);
        builder.Property(x => x.GuildId).ValueGeneratedNever();
    }
}
