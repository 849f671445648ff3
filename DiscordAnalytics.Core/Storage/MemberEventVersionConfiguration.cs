using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiscordAnalytics.Core.Storage;

/// <summary>Maps <see cref="MemberEventVersion"/> to <c>memberEventVersions</c>, one row per guild (its triggers are in the migration of each provider).</summary>
public sealed class MemberEventVersionConfiguration : IEntityTypeConfiguration<MemberEventVersion>
{
    public void Configure(EntityTypeBuilder<MemberEventVersion> builder)
    {
        builder.ToTable("memberEventVersions");
        builder.HasKey(x => x.GuildId);
        builder.Property(x => x.GuildId).ValueGeneratedNever();
    }
}
